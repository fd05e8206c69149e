// `anjeon init`: creates the record (SQLite under ANJEON_HOME, or PostgreSQL), its config, the first
// admin, and loads the framework presets into it.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadPresets } from '../registry/framework-store.js';
import { configFileName, writeDefaultConfig, homeOf } from '../registry/open.js';
import { createFirstAdmin, findUser } from '../registry/users.js';
import { writeJson, type Io } from './io.js';
import type { GlobalOptions } from './program.js';
import { withRecord } from './record.js';

export function registerInitCommand(program: Command, io: Io): void {
  program
    .command('init')
    .description(
      'create the record (embedded SQLite under ANJEON_HOME, default ./.anjeon) and its first admin',
    )
    .option('--json', 'print {store, config, actor, created_admin, presets_loaded}')
    .addHelpText(
      'after',
      `
The first admin is --as USER, else $ANJEON_ACTOR, else your login name. Running init again is safe:
it loads any framework preset the record does not have yet and changes nothing else.

Examples:
  anjeon init
  anjeon --as alice init
  ANJEON_DATABASE_URL=postgres://anjeon@db.internal/anjeon anjeon init`,
    )
    .action(async (opts: { json?: boolean }, command: Command) => {
      const home = homeOf(io.env);
      const configFile = join(home, configFileName);
      const wanted =
        command.optsWithGlobals<GlobalOptions>().as ??
        io.env.ANJEON_ACTOR ??
        io.env.USER ??
        'admin';
      const result = await withRecord(
        command,
        io,
        async (ctx) => {
          const configCreated = !existsSync(configFile);
          if (configCreated) writeDefaultConfig(home, wanted);
          const actorId =
            command.optsWithGlobals<GlobalOptions>().as ??
            io.env.ANJEON_ACTOR ??
            (configCreated ? wanted : ctx.policy.actor) ??
            wanted;
          let actor = await findUser(ctx.store, actorId);
          const createdAdmin = !actor;
          if (!actor) actor = await createFirstAdmin(ctx.store, actorId, ctx.now().toISOString());
          const loaded = await loadPresets({ ...ctx, actor });
          return {
            store: ctx.store.where,
            config: configFile,
            actor: actor.id,
            permission: actor.permission,
            created_admin: createdAdmin,
            config_created: configCreated,
            presets_loaded: loaded.map((p) => p.id),
          };
        },
        { create: true, anonymous: true },
      );
      if (opts.json) return writeJson(io, result);
      io.out(`Record: ${result.store}`);
      io.out(`Config: ${result.config}${result.config_created ? ' (created)' : ''}`);
      io.out(
        `You are ${result.actor} (${result.permission})${result.created_admin ? ', the first admin' : ''}.`,
      );
      io.out(
        result.presets_loaded.length
          ? `Loaded ${result.presets_loaded.length} framework presets: ${result.presets_loaded.join(', ')}`
          : 'Every framework preset was already loaded.',
      );
      if (result.created_admin)
        io.out(
          '\nNext: anjeon model add MODEL --frameworks ID   (anjeon frameworks list shows the ids)',
        );
    });
}
