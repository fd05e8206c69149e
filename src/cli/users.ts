// `anjeon user add|list`: who may act on the record, and the governance roles they approve for.

import { Option, type Command } from 'commander';
import { permissions } from '../registry/context.js';
import { listUsers, saveUser } from '../registry/users.js';
import { writeJson, type Io } from './io.js';
import { parseList } from './options.js';
import { withRecord } from './record.js';
import { compactTable } from './table.js';

export function registerUserCommands(program: Command, io: Io): void {
  const group = program
    .command('user')
    .description('add users and their roles (admins), or list them');

  group
    .command('add')
    .argument('<id>', 'user id, e.g. alice')
    .description('add a user, or change an existing one')
    .addOption(
      new Option('--permission <level>', 'what they may do')
        .choices(permissions)
        .makeOptionMandatory(),
    )
    .option('--name <name>', 'display name')
    .option(
      '--roles <roles>',
      'governance roles they approve for, comma-separated (e.g. safety-lead,executive)',
      parseList,
    )
    .option('--json', 'print the user as JSON')
    .addHelpText(
      'after',
      `
Permissions: viewer reads; contributor also records models, evaluations, safeguards, incidents,
risks and decision requests; approver also approves or rejects decisions; admin also manages users
and frameworks. An approval counts for a role in config.yaml's approvals only if the approver holds it.

Examples:
  anjeon user add bob --permission approver --roles safety-lead
  anjeon user add carol --permission approver --roles executive --name "Carol Kim"
  anjeon user add dave --permission viewer`,
    )
    .action(
      async (
        id: string,
        opts: { permission: string; name?: string; roles?: string[]; json?: boolean },
        command: Command,
      ) => {
        const user = await withRecord(command, io, (ctx) =>
          saveUser(ctx, { id, name: opts.name, permission: opts.permission, roles: opts.roles }),
        );
        if (opts.json) return writeJson(io, user);
        io.out(
          `${user.id}: ${user.permission}${user.roles.length ? `, roles ${user.roles.join(', ')}` : ''}`,
        );
      },
    );

  group
    .command('list')
    .description('list the users of the record')
    .option('--json', 'print [{id, name, permission, roles}]')
    .action(async (opts: { json?: boolean }, command: Command) => {
      const users = await withRecord(command, io, (ctx) => listUsers(ctx));
      if (opts.json) return writeJson(io, users);
      const table = compactTable(['id', 'name', 'permission', 'roles']);
      for (const u of users) table.push([u.id, u.name, u.permission, u.roles.join(', ')]);
      io.out(table.toString());
    });
}
