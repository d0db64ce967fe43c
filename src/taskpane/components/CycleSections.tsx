/**
 * The reporting cycle's two sections as both modes show them: "Chu kỳ báo cáo" (register,
 * send-out) and "Tiến độ qua các năm". What each button does comes from the mode's hook
 * (useCycle in Excel, useFileCycle in the browser).
 */
import { CyclePanel } from './CyclePanel';
import type { RegisterStatus, SendOutCommand } from './CyclePanel';
import { HistoryPanel } from './HistoryPanel';
import type { TaskNotesProps } from './TaskNotes';
import type { TaskState } from '../useTask';

/** What the sections show and do. */
export interface CycleView {
  readonly task: TaskState;
  readonly historyTask: TaskState;
  readonly register: RegisterStatus;
  readonly year: number;
  readonly historySheets: readonly string[];
  readonly chosen: readonly string[];
  readonly choose: (sheets: string[]) => void;
  readonly makeRegister: () => Promise<void>;
  readonly sendOut: () => Promise<void>;
  readonly makeHistory: () => Promise<void>;
  readonly zip?: { readonly name: string; readonly onSave: () => void };
  readonly command?: SendOutCommand;
  readonly saveRegister?: () => void;
  readonly saveHistory?: () => void;
}

export interface CycleSectionsProps {
  readonly cycle: CycleView;
  readonly disabled: boolean;
  readonly engine: TaskNotesProps['engine'];
}

/** Both sections. */
export function CycleSections({ cycle, disabled, engine }: CycleSectionsProps) {
  return (
    <>
      <CyclePanel
        register={cycle.register}
        year={cycle.year}
        onMakeRegister={() => void cycle.makeRegister()}
        onSendOut={() => void cycle.sendOut()}
        task={cycle.task}
        disabled={disabled}
        engine={engine}
        {...(cycle.saveRegister ? { onSaveRegister: cycle.saveRegister } : {})}
        {...(cycle.zip ? { zip: cycle.zip } : {})}
        {...(cycle.command ? { command: cycle.command } : {})}
      />
      <HistoryPanel
        sheets={cycle.historySheets}
        chosen={cycle.chosen}
        onChange={cycle.choose}
        onRun={() => void cycle.makeHistory()}
        task={cycle.historyTask}
        disabled={disabled}
        engine={engine}
        {...(cycle.saveHistory ? { onSave: cycle.saveHistory } : {})}
      />
    </>
  );
}
