// Opens the record for a command: store location and config from the environment, then the actor.

import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { AnjeonError, inputError } from '../errors.js';
import { locateProblems, parseSourceDocument, zodProblems } from '../frameworks/yaml-document.js';
import { openStore, storeLocation, type Store, type StoreLocation } from '../store/connect.js';
import type { RegistryContext } from './context.js';
import { policySchema, type Policy } from './policy.js';
import { findUser } from './users.js';

export interface OpenOptions {
  env: Record<string, string | undefined>;
  /** --as: who is acting; else ANJEON_ACTOR, else `actor` in the config. */
  as?: string;
  /** Create the store if it does not exist (only `anjeon init`). */
  create?: boolean;
  /** Open without an actor (only `anjeon init` before the first user exists). */
  anonymous?: boolean;
  clock?: () => Date;
}

export interface OpenRegistry extends RegistryContext {
  location: StoreLocation;
  home: string;
  close(): Promise<void>;
}

export function homeOf(env: Record<string, string | undefined>): string {
  return resolve(env.ANJEON_HOME ?? '.anjeon');
}

export const configFileName = 'config.yaml';

export function readPolicy(home: string): Policy {
  const file = join(home, configFileName);
  if (!existsSync(file)) return policySchema.parse({});
  const doc = parseSourceDocument(readFileSync(file, 'utf8'), file);
  const parsed = policySchema.safeParse(doc.value ?? {});
  if (!parsed.success)
    throw inputError(
      `${file} is not a valid anjeon config`,
      undefined,
      locateProblems(doc, zodProblems(parsed.error)),
    );
  return parsed.data;
}

export function writeDefaultConfig(home: string, actor: string): string {
  mkdirSync(home, { recursive: true });
  const file = join(home, configFileName);
  const policy = policySchema.parse({ actor });
  const text = [
    '# anjeon configuration. `actor` is who you are when --as and ANJEON_ACTOR are not given.',
    '# approvals: the governance roles that must each approve a decision, each by a different person.',
    stringify(policy),
  ].join('\n');
  writeFileSync(file, text, { flag: 'wx' });
  return file;
}

/** ANJEON_NOW (an ISO time) fixes the clock, for replays and reproducible examples. */
function clockFrom(env: Record<string, string | undefined>): () => Date {
  const fixed = env.ANJEON_NOW;
  if (!fixed) return () => new Date();
  const t = new Date(fixed);
  if (Number.isNaN(t.getTime()))
    throw new AnjeonError('usage', `ANJEON_NOW=${fixed} is not a date or time`);
  return () => t;
}

export async function openRegistry(options: OpenOptions): Promise<OpenRegistry> {
  const location = storeLocation(options.env);
  const home = homeOf(options.env);
  const policy = readPolicy(home);
  const store: Store = await openStore(location, { create: options.create });
  try {
    const actorId = options.as ?? options.env.ANJEON_ACTOR ?? policy.actor;
    let actor = null;
    if (!options.anonymous) {
      if (!actorId)
        throw new AnjeonError(
          'usage',
          'who is acting? pass --as USER, set ANJEON_ACTOR, or set actor in ' +
            join(home, configFileName),
        );
      actor = await findUser(store, actorId);
      if (!actor)
        throw new AnjeonError(
          'usage',
          `unknown user "${actorId}" in the record at ${store.where}`,
          'an admin adds users with: anjeon user add ID --permission viewer|contributor|approver|admin',
        );
    }
    return {
      store,
      actor,
      policy,
      now: options.clock ?? clockFrom(options.env),
      location,
      home,
      close: () => store.close(),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
