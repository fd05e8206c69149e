// Test support: a registry on a fresh store, with an admin, a fixed clock and users to act as.

import type { Backend } from '../store/backends.js';
import type { Actor, Permission, RegistryContext } from '../../src/registry/context.js';
import { loadPresets } from '../../src/registry/framework-store.js';
import { defaultPolicy, type Policy } from '../../src/registry/policy.js';
import { createFirstAdmin, saveUser } from '../../src/registry/users.js';
import { openStore } from '../../src/store/connect.js';
import { parseEvidence, type EvidenceInput } from '../../src/frameworks/evidence.js';

export interface TestRecord {
  ctx: RegistryContext;
  env: Record<string, string>;
  /** The same record acting as another user. */
  as(user: string, permission?: Permission, roles?: string[]): Promise<RegistryContext>;
  /** Moves the clock. */
  setNow(iso: string): void;
  close(): Promise<void>;
}

export async function testRecord(
  backend: Backend,
  options: { policy?: Partial<Policy>; presets?: boolean } = {},
): Promise<TestRecord> {
  const { env, location } = backend.fresh();
  const store = await openStore(location, { create: true });
  let now = new Date('2025-01-15T09:00:00Z');
  const clock = () => now;
  const policy = { ...defaultPolicy, ...options.policy };
  const admin = await createFirstAdmin(store, 'admin', clock().toISOString());
  const ctx: RegistryContext = { store, actor: admin, policy, now: clock };
  if (options.presets !== false) await loadPresets(ctx);
  const users = new Map<string, Actor>([['admin', admin]]);
  return {
    ctx,
    env,
    async as(user, permission, roles) {
      let actor = users.get(user);
      if (!actor || (permission && actor.permission !== permission)) {
        actor = await saveUser(ctx, { id: user, permission: permission ?? 'contributor', roles });
        users.set(user, actor);
      }
      return { ...ctx, actor };
    },
    setNow(iso) {
      now = new Date(iso);
    },
    close: () => store.close(),
  };
}

export function evidence(input: EvidenceInput) {
  return parseEvidence(input);
}
