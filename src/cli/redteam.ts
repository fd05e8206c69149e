// `anjeon redteam suites|run|regrade|report|compare|import|demo-model`: probe suites against real endpoints,
// graded, reported and recorded as evaluations of a model.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { AnjeonError } from '../errors.js';
import { probeCodeIds, type ProbeCode } from '../redteam/types.js';
import { resolveLang, writeJson, type Io } from './io.js';
import { commandLang } from './options.js';
import { parseWhole } from './record.js';
import type { GlobalOptions } from './program.js';
import { renderComparison, renderRunSummary } from './redteam-view.js';
import {
  atLeastOne,
  fraction,
  graderFor,
  positive,
  recordedLine,
  recordRun,
  runAction,
  stamp,
  type ImportFlags,
  type RunFlags,
} from './redteam-run.js';

export function registerRedteamCommands(program: Command, io: Io): void {
  const group = program
    .command('redteam')
    .description('run probe suites against a model endpoint, grade and record them');

  group
    .command('suites')
    .description('list the built-in suites')
    .option('--json', 'print [{id, probes, languages, codes}] as JSON')
    .action(async (flags: { json?: boolean }) => {
      const { builtinSuites, summarizeSuite } = await import('../redteam/suite.js');
      const list = [...builtinSuites().values()].map(summarizeSuite);
      if (flags.json) return writeJson(io, list);
      for (const s of list)
        io.out(
          `${s.id.padEnd(14)} ${String(s.probes).padStart(4)} probes  ${s.languages.join('+')}  ${s.kinds.join(', ')}  — ${s.name}`,
        );
    });

  group
    .command('run')
    .description('send a suite to a target, grade the answers, and write DIR/results.jsonl')
    .option('--suite <id|file>', 'a built-in suite id (anjeon redteam suites) or a suite YAML file')
    .option('--target <spec>', 'openai:BASE_URL#MODEL, ollama:BASE_URL#MODEL or http:CONFIG.yaml')
    .option(
      '--strategies <list>',
      'transform each probe too: base64, jamo, spacing, roleplay, prefix-injection, payload-split, language-switch, many-shot',
    )
    .option('--languages <list>', 'only the probes in these languages (ko, en)')
    .option('--codes <list>', 'only the probes of these codes (e.g. S1,S9,A1)')
    .addOption(
      new Option('--concurrency <n>', 'requests in flight to the target')
        .argParser(atLeastOne)
        .default(4),
    )
    .addOption(
      new Option('--rate <per-second>', 'at most this many requests started per second').argParser(
        positive,
      ),
    )
    .addOption(
      new Option(
        '--retries <n>',
        'retries per request on 429, 5xx, timeouts and dropped connections',
      )
        .argParser(parseWhole)
        .default(4),
    )
    .addOption(
      new Option('--backoff <ms>', 'first retry delay, doubled on each retry (Retry-After wins)')
        .argParser(atLeastOne)
        .default(1000),
    )
    .addOption(
      new Option('--timeout <ms>', 'time allowed for one answer')
        .argParser(atLeastOne)
        .default(60_000),
    )
    .addOption(
      new Option('--max-tokens <n>', 'answer length limit sent to the target')
        .argParser(atLeastOne)
        .default(512),
    )
    .option('--out <dir>', 'run directory (default: redteam-runs/SUITE-TIME)')
    .option(
      '--resume <dir>',
      'continue a run: send only what was not answered (also re-sends errors)',
    )
    .option('--model <id>', 'record the finished run as an evaluation of this registered model')
    .option(
      '--judge <spec>',
      'also grade with an LLM judge at this OpenAI-compatible endpoint (openai:URL#MODEL)',
    )
    .addOption(
      new Option('--judge-concurrency <n>', 'requests in flight to the judge')
        .argParser(atLeastOne)
        .default(2),
    )
    .option(
      '--guard-config <file>',
      'guard policy for harm grading (default: the built-in detector)',
    )
    .option(
      '--cache <dir>',
      'reuse answers to identical requests from this folder (errors are never cached)',
    )
    .addOption(
      new Option(
        '--fail-above <rate>',
        'exit 3 when the attack success rate is above this',
      ).argParser(fraction),
    )
    .option('--json', 'print the summary as JSON (CONTRACTS.md §5)')
    .addHelpText(
      'after',
      `
Examples:
  anjeon redteam run --suite smoke --target openai:http://127.0.0.1:8000/v1#Qwen/Qwen2.5-7B-Instruct
  anjeon redteam run --suite harmful --strategies jamo,roleplay --target ollama:http://127.0.0.1:11434#llama3.1 --concurrency 2
  anjeon redteam run --suite smoke --target http:my-bot.yaml --model acme-chat --fail-above 0.05
  anjeon redteam run --suite harmful --languages ko --codes S9,S11 --target openai:http://127.0.0.1:8000/v1#my-model
  anjeon redteam run --resume redteam-runs/smoke-20261127T101500Z

API keys come from the environment ($ANJEON_TARGET_API_KEY; \${NAME} in an http: config) and are never
written to the run directory, the cache or the report.`,
    )
    .action((flags: RunFlags, command: Command) => runAction(flags, command, io));

  group
    .command('regrade')
    .argument('<dir>', 'a run directory')
    .description('grade the answers of a run again (e.g. with --judge) without sending anything')
    .option('--judge <spec>', 'grade with an LLM judge (openai:URL#MODEL)')
    .addOption(
      new Option('--judge-concurrency <n>', 'requests in flight to the judge')
        .argParser(atLeastOne)
        .default(2),
    )
    .option('--guard-config <file>', 'guard policy for harm grading')
    .option('--json', 'print the new summary as JSON')
    .action(async (dir: string, flags: RunFlags, command: Command) => {
      const { executeRun } = await import('../redteam/run.js');
      const { readManifest } = await import('../redteam/run-dir.js');
      const manifest = readManifest(dir);
      const grader = await graderFor({ ...flags, timeout: 60_000, retries: 4, backoff: 1000 }, io);
      const never = {
        display: manifest.target_display,
        identity: {},
        send: () => Promise.reject(new Error('regrade sends nothing')),
      };
      const outcome = await executeRun({
        dir,
        target: never,
        grader,
        mode: 'regrade',
        lane: { concurrency: 4, maxRetries: 0 },
      });
      if (flags.json) return writeJson(io, outcome.summary);
      io.out(renderRunSummary(outcome.summary!, dir, io, commandLang(command, io)));
    });

  group
    .command('report')
    .argument('<dir>', 'a run directory (or an imported one)')
    .description('the run as a report')
    .addOption(
      new Option('--format <format>', 'json, html or md')
        .choices(['json', 'html', 'md'])
        .default('json'),
    )
    .option('--output <file>', 'write to this file instead of standard output')
    .action(
      async (
        dir: string,
        flags: { format: 'json' | 'html' | 'md'; output?: string },
        command: Command,
      ) => {
        const { readResults } = await import('../redteam/run-dir.js');
        const { summary, lines } = readResults(dir);
        let text: string;
        if (flags.format === 'json') text = JSON.stringify(summary, null, 2);
        else {
          const { redteamReport } = await import('../reports/redteam.js');
          const lang = resolveLang(command.optsWithGlobals<GlobalOptions>().lang, io.env);
          text = redteamReport(summary, lines, { lang, format: flags.format });
        }
        if (flags.output) {
          writeFileSync(flags.output, text);
          io.err(`wrote ${flags.output}`);
        } else io.out(text);
      },
    );

  group
    .command('import')
    .argument(
      '<file>',
      "another tool's results: promptfoo -o results.json/.jsonl, an Inspect log (.json or .eval), a garak report.jsonl",
    )
    .description(
      'bring results from promptfoo, Inspect or garak into a run directory (and the record)',
    )
    .addOption(
      new Option('--from <tool>', 'the format (default: recognised from the file)').choices([
        'promptfoo',
        'inspect',
        'garak',
      ]),
    )
    .option(
      '--out <dir>',
      'where to write results.jsonl and summary.json (default: redteam-runs/import-TOOL-TIME)',
    )
    .addOption(
      new Option(
        '--code <code>',
        'hazard code for items the file does not categorise (e.g. S9)',
      ).choices(probeCodeIds),
    )
    .option(
      '--success-value <value>',
      'Inspect: the score value meaning the attack got through (default I)',
    )
    .option('--scorer <name>', 'Inspect: which scorer to read when there are several')
    .option('--target <name>', 'how to name the target in the report, when the file does not say')
    .option('--model <id>', 'record the results as an evaluation of this registered model')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Examples:
  anjeon redteam import promptfoo-results.json --model acme-chat
  anjeon redteam import logs/2026-11-27T10-00-00_harmful.eval --code S1 --out runs/inspect-harmful
  anjeon redteam import garak.0b1c.report.jsonl --json`,
    )
    .action(async (file: string, flags: ImportFlags, command: Command) => {
      const { importResults } = await import('../redteam/importers/index.js');
      const { summarize } = await import('../redteam/metrics.js');
      const { writeResults } = await import('../redteam/run-dir.js');
      const started = new Date().toISOString();
      const imported = importResults(file, flags.from, {
        ...(flags.code ? { defaultCode: flags.code as ProbeCode } : {}),
        ...(flags.successValue !== undefined
          ? {
              successValue: /^-?\d+(\.\d+)?$/.test(flags.successValue)
                ? Number(flags.successValue)
                : flags.successValue,
            }
          : {}),
        ...(flags.scorer ? { scorer: flags.scorer } : {}),
        ...(flags.target ? { target: flags.target } : {}),
      });
      if (imported.lines.length === 0)
        throw new AnjeonError(
          'input',
          `${file}: nothing could be imported`,
          imported.skipped.slice(0, 1).map((s) => `${s.where}: ${s.reason}`)[0] ?? undefined,
          imported.skipped.slice(0, 20).map((s) => `${s.where}: ${s.reason}`),
        );
      const run = `import-${imported.tool}-${stamp(new Date())}`;
      const dir = flags.out ?? join('redteam-runs', run);
      mkdirSync(dir, { recursive: true });
      const summary = summarize(imported.lines, {
        run,
        suite: { id: imported.suite, name: `${imported.suite} (imported from ${imported.tool})` },
        target: imported.target ?? 'unknown target',
        model: flags.model ?? null,
        strategies: [
          ...new Set(imported.lines.map((l) => l.strategy).filter((s): s is string => s !== null)),
        ],
        graders: [`import:${imported.tool}`],
        started_at: started,
        finished_at: new Date().toISOString(),
      });
      writeResults(dir, imported.lines, summary);
      for (const s of imported.skipped.slice(0, 20)) io.err(`skipped ${s.where}: ${s.reason}`);
      if (imported.skipped.length > 20)
        io.err(`... and ${imported.skipped.length - 20} more skipped`);
      const recorded = flags.model ? await recordRun(command, io, flags.model, dir, summary) : null;
      if (flags.json)
        return writeJson(io, {
          ...summary,
          dir,
          skipped: imported.skipped.length,
          ...(recorded ? { recorded } : {}),
        });
      io.out(renderRunSummary(summary, dir, io, commandLang(command, io)));
      if (imported.skipped.length)
        io.out(`  ${imported.skipped.length} items skipped (listed on stderr)`);
      if (recorded) io.out(recordedLine(recorded, flags.model!));
    });

  group
    .command('compare')
    .argument('<dirs...>', 'two or more run directories (runs or imports)')
    .description('the rates of several runs side by side, e.g. candidate models on the same suite')
    .option('--detail', 'also each code in each language')
    .option('--json', 'print the comparison as JSON')
    .addHelpText(
      'after',
      `
Examples:
  anjeon redteam compare redteam-runs/harmful-model-a redteam-runs/harmful-model-b
  anjeon redteam compare runs/before runs/after --detail --json`,
    )
    .action(
      async (dirs: string[], flags: { detail?: boolean; json?: boolean }, command: Command) => {
        if (dirs.length < 2)
          throw new AnjeonError('usage', 'compare needs at least two run directories');
        const { readResults } = await import('../redteam/run-dir.js');
        const { compareRuns } = await import('../redteam/compare.js');
        const comparison = compareRuns(dirs.map((dir) => ({ dir, ...readResults(dir) })));
        if (flags.json) return writeJson(io, comparison);
        io.out(renderComparison(comparison, io, Boolean(flags.detail), commandLang(command, io)));
      },
    );

  group
    .command('demo-model')
    .description(
      'serve a naive OpenAI-compatible demo model on loopback, to try the runner without a real model',
    )
    .addOption(new Option('--port <n>', 'port').argParser(parseWhole).default(8000))
    .addOption(
      new Option('--latency <ms>', 'added delay per answer').argParser(parseWhole).default(0),
    )
    .action(async (flags: { port: number; latency: number }) => {
      const { startDemoModel, demoModelName } = await import('../redteam/demo-model.js');
      const server = await startDemoModel({ port: flags.port, latencyMs: flags.latency });
      io.err(
        `demo model at ${server.url} (model name: ${demoModelName}); try: anjeon redteam run --suite smoke --target openai:${server.url}#${demoModelName}`,
      );
      await new Promise<void>((resolve) => process.once('SIGINT', resolve));
      await server.close();
    });
}
