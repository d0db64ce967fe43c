/** The pane's title bar: product name and the language switch. */
import { Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useLanguage } from '../language';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Title and language switch. */
export function PaneHeader() {
  const styles = useStyles();
  const { lang, t, setLang } = useLanguage();
  return (
    <header className={styles.header}>
      <Subtitle2 as="h1">{t.appTitle}</Subtitle2>
      <Button
        appearance="subtle"
        size="small"
        // The visible word is the name ("English"); the longer sentence is only a hint.
        title={t.switchLanguageLabel}
        lang={lang === 'vi' ? 'en' : 'vi'}
        onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
      >
        {t.switchLanguage}
      </Button>
    </header>
  );
}
