/**
 * Entry of the `chitieu` command line. Exit status: 0 work done, 1 `--strict` and error-level
 * problems, 2 unusable input (one Vietnamese line on stderr, never a stack trace).
 */
import { parseArgs } from './args';
import { commandHelp, COMMANDS, generalHelp, longNamesFor, optionNames } from './help';
import { checkCommand, demoCommand, mergeCommand, presetsCommand, templateCommand, type Io } from './commands';
import { XlsxError } from '../workbook/xlsx';
import { UsageError } from './files';
import { sendOutCommand } from './sendOut';
import { registerCommand } from './register';
import { nodeZlibCodec } from './nodeCodec';
import { useCodec } from '../workbook/xlsx/codec';

// The command line runs on Node: native zlib instead of the pane's JavaScript DEFLATE.
useCodec(nodeZlibCodec());

/** Every option of every command: what `chitieu --help` and an unknown command are parsed with. */
function allOptionNames(): { valued: string[]; flags: string[] } {
  const all = Object.keys(COMMANDS).map(optionNames);
  return { valued: [...new Set(all.flatMap((n) => n.valued))], flags: [...new Set(all.flatMap((n) => n.flags))] };
}

function defaultIo(): Io {
  // A reader that stops early (`chitieu check … | head`) closes the pipe: the lines it no longer
  // wants are dropped and the work goes on (the result file is still written); no stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    progress: Boolean(process.stderr.isTTY),
    today: new Date(),
  };
}

/**
 * Runs the command line and resolves to the exit status.
 *
 * @example
 * await run(['presets']) // 0, after printing the five sets
 */
export async function run(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  // The command decides which options exist (its own help lists them).
  const first = argv.find((a) => !a.startsWith('-'));
  const command = first !== undefined && COMMANDS[first] ? first : undefined;
  const names = command ? optionNames(command) : allOptionNames();
  const parsed = parseArgs(argv, names.valued, names.flags, (letter) => longNamesFor(letter, command), command ? `chitieu ${command} --help` : 'chitieu --help');
  if (!parsed.ok) {
    io.err(`chitieu: ${parsed.message}`);
    return 2;
  }
  const args = parsed.value;
  const word = args.positional[0];
  try {
    if (word === 'help') {
      const topic = args.positional[1];
      io.out(topic && COMMANDS[topic] ? commandHelp(topic) : generalHelp());
      return 0;
    }
    if (args.flags.has('help')) {
      io.out(command ? commandHelp(command) : generalHelp());
      return 0;
    }
    if (!word) {
      io.out(generalHelp());
      return 2;
    }
    switch (word) {
      case 'presets':
        return presetsCommand(io);
      case 'template':
        return templateCommand(args, io);
      case 'check':
        return await checkCommand(args, io);
      case 'merge':
        return await mergeCommand(args, io);
      case 'demo':
        return await demoCommand(args, io);
      case 'send-out':
        return sendOutCommand(args, io);
      case 'register':
        return await registerCommand(args, io);
      default:
        io.err(`chitieu: không có lệnh "${word}". Các lệnh: ${Object.keys(COMMANDS).join(', ')} (gõ "chitieu --help" để xem cách dùng).`);
        return 2;
    }
  } catch (e) {
    // A workbook the adapter cannot read or write (damaged, over a limit) is unusable input, not a fault.
    if (e instanceof UsageError || e instanceof XlsxError) {
      io.err(`chitieu: ${e.message}`);
      return 2;
    }
    io.err(`chitieu: lỗi không mong đợi (${e instanceof Error ? e.message : String(e)}). Hãy gửi tệp và lệnh đã chạy cho người hỗ trợ.`);
    if (process.env.CHITIEU_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 3;
  }
}
