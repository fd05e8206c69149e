// `anjeon compare`: one evidence file judged under several frameworks, side by side.

import { Option, type Command } from 'commander';
import { inputError } from '../errors.js';
import { compareFrameworks } from '../frameworks/compare.js';
import { loadFramework, presets, readEvidence } from '../frameworks/files.js';
import { evidenceProblems } from '../frameworks/resolve.js';
import { locateProblems } from '../frameworks/yaml-document.js';
import { writeJson, type Io } from './io.js';
import { asOfDate, commandLang, parseList } from './options.js';
import { renderComparison } from './compare-view.js';

interface CompareOptions {
  evidence: string;
  frameworks?: string[];
  asOf?: string;
  json?: boolean;
}

export function registerCompareCommand(program: Command, io: Io): void {
  program
    .command('compare')
    .description('judge one model under several frameworks at once and show where they disagree')
    .addOption(
      new Option(
        '--evidence <file>',
        'evidence file, YAML or JSON ("-" reads stdin)',
      ).makeOptionMandatory(),
    )
    .option(
      '--frameworks <ids>',
      'comma-separated preset ids or files (default: every preset)',
      parseList,
    )
    .option(
      '--as-of <date>',
      "judge as of this date, YYYY-MM-DD (default: the file's as_of, else today UTC)",
    )
    .option('--json', 'print the comparison, with every full assessment, as JSON')
    .addHelpText(
      'after',
      `
Evidence for several frameworks is easiest written once in the common vocabulary
(evaluations[].capabilities and safeguards.common); results or safeguard levels meant for one
framework go under framework: ID (evaluations) or safeguards.by_framework.ID.

Examples:
  anjeon compare --evidence examples/common-capabilities.yaml
  anjeon compare --evidence examples/common-capabilities.yaml --frameworks openai-preparedness-2023,gdm-fsf-2024 --json`,
    )
    .action((opts: CompareOptions, command: Command) => {
      const ids = opts.frameworks ?? [...presets().keys()];
      const frameworks = ids.map((id) => loadFramework(id));
      const file = readEvidence(opts.evidence);
      const problems = frameworks.flatMap((f) =>
        evidenceProblems(f, file.evidence).map((p) => ({
          ...p,
          message: `${p.message} [${f.definition.id}]`,
        })),
      );
      if (problems.length) {
        throw inputError(
          `${file.doc.file} does not fit every framework compared`,
          'write shared evidence in the common vocabulary, or scope it with framework: ID / safeguards.by_framework',
          locateProblems(file.doc, problems),
        );
      }
      const lang = commandLang(command, io);
      const comparison = compareFrameworks(
        frameworks,
        file.evidence,
        asOfDate(opts.asOf, file.evidence, io),
        { lang },
      );
      if (opts.json) writeJson(io, comparison);
      else io.out(renderComparison(comparison, io.color, lang));
    });
}
