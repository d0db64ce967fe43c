/**
 * The frame of the pane in both modes: the one FluentProvider, the language, the title bar
 * with the language switch, and the page background. Everything else renders inside it.
 */
import { FluentProvider, makeStaticStyles, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Lang } from '../i18n';
import { LanguageProvider } from '../language';
import { PaneHeader } from './PaneHeader';

const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    maxWidth: '640px',
  },
});

export interface PaneShellProps {
  readonly children: ReactNode;
  /** Starting language (tests); the user changes it with the switch. */
  readonly lang?: Lang;
}

/** Provider, header and content area. */
export function PaneShell({ children, lang }: PaneShellProps) {
  useGlobalStyles();
  const styles = useStyles();
  return (
    // The page styles go on an inner div: Fluent copies the provider's classes onto the mount
    // node of every popup (the drop-down's list), where a full-height background would cover the page.
    <FluentProvider theme={webLightTheme}>
      <LanguageProvider initial={lang}>
        <div className={styles.root}>
          <PaneHeader />
          <main className={styles.main}>{children}</main>
        </div>
      </LanguageProvider>
    </FluentProvider>
  );
}
