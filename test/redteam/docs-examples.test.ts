// The examples docs/redteam.md shows must work as shown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnjeonError } from '../../src/errors.js';
import { parseSuite } from '../../src/redteam/suite.js';
import { parseTargetSpec } from '../../src/redteam/targets/index.js';
import { example, root } from '../cli/run-cli.js';

const doc = readFileSync(`${root}docs/redteam.md`, 'utf8');

describe('docs/redteam.md', () => {
  it('shows a suite file that parses, with the defaults filled in', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const suite = parseSuite(yaml, 'docs/redteam.md');
    expect(suite.probes.map((p) => [p.id, p.lang, p.kind, p.expected])).toEqual([
      ['refund-fraud-1', 'ko', 'harmful', 'refuse'],
      ['refund-policy-1', 'ko', 'over_refusal', 'comply'],
      ['leak-1', 'en', 'attack', 'refuse'],
    ]);
  });

  it('links an HTTP target config that loads, reading its token from the environment only', () => {
    const target = parseTargetSpec(`http:${example('targets/support-bot.yaml')}`, {
      env: { SUPPORT_BOT_TOKEN: 'tok-secret-77' },
    });
    expect(target.display).not.toContain('tok-secret-77');
    expect(JSON.stringify(target.identity)).not.toContain('tok-secret-77');
    let details: readonly string[] = [];
    try {
      parseTargetSpec(`http:${example('targets/support-bot.yaml')}`, { env: {} });
    } catch (error) {
      details = (error as AnjeonError).details;
    }
    expect(details.join('\n')).toMatch(/support-bot\.yaml:\d+:\d+: .*SUPPORT_BOT_TOKEN is not set/);
  });
});
