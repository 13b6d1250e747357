import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Command, Option } from 'commander';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CLASSIFICATIONS, defineAbilitiesFor, DomainError, ROLES } from '@vigil/domain';
import {
  AuditService,
  DEFAULT_DEMO_PASSWORD,
  DemoContentService,
  DemoSeedService,
  describeDemoContent,
  loadConfig,
  systemContext,
  UsersService,
} from '@vigil/server';
import { randomBytes } from 'node:crypto';
import { CreateUserDto } from '../../libs/server/src/users/dto/create-user.dto.js';
import { exportLocalDataKeys, localKeyring } from '../db/local-data-keys.js';
import { openLocalDatabase } from '../db/local-database.js';
import { migrate } from '../db/migrate.js';
import { CliModule } from './cli.module.js';
import { addKeyCommands } from './key-commands.js';

/** Runs `work` with the services wired to the local (or DATABASE_URL) database. */
async function withServices<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  // Source identities are encrypted: VIGIL_DATA_KEY, else .vigil/data-keys; the services check
  // the keys against the database when they start (DataKeyCheck).
  exportLocalDataKeys();
  localKeyring();
  const local = await openLocalDatabase((line) => console.error(line));
  try {
    if (local.embedded) await migrate(local.url);
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: local.url,
      JWT_SECRET: process.env.JWT_SECRET ?? 'not-used-by-the-command-line-not-used',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
      logger: ['error'],
    });
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await local.release();
  }
}

// The command line acts as a system administrator; the audit log records it as request "cli".
const cliContext = () =>
  systemContext(
    defineAbilitiesFor({
      id: 'cli',
      roles: ['admin'],
      clearance: 'unclassified',
      organisationId: '',
      active: true,
    }),
    'cli',
  );

const program = new Command('vigil').description('Vigil administration from the command line');

program
  .command('audit:verify')
  .description('Walk the audit hash chain and report the first broken entry (exit 1 if broken)')
  .action(async () => {
    const result = await withServices((app) => app.get(AuditService).verify());
    if (result.ok) {
      console.log(`Audit chain intact: ${result.checked} entries checked.`);
    } else {
      console.log(
        `Audit chain BROKEN at entry #${result.firstBrokenSeq}: ${result.reason} (${result.checked} entries verified before it).`,
      );
      process.exitCode = 1;
    }
  });

program
  .command('user:create')
  .description('Create a user')
  .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
  .requiredOption('--name <name>', 'display name')
  .addOption(
    new Option('--role <role...>', 'one or more roles').choices([...ROLES]).makeOptionMandatory(),
  )
  .addOption(
    new Option('--clearance <level>', 'clearance')
      .choices([...CLASSIFICATIONS])
      .default('unclassified'),
  )
  .option('--organisation <acronym>', 'organisation acronym', 'OSAPG')
  .option(
    '--password <password>',
    'initial password (at least 12 characters, hard to guess); generated if omitted',
  )
  .action(
    async (options: {
      email: string;
      name: string;
      role: string[];
      clearance: string;
      organisation: string;
      password?: string;
    }) => {
      const password = options.password ?? randomBytes(12).toString('base64url');
      const created = await withServices(async (app) => {
        const [org] =
          (await app.get(DemoSeedService).findOrganisationByAcronym(options.organisation)) ?? [];
        if (!org)
          throw new DomainError(
            'validation_failed',
            `No organisation with acronym ${options.organisation}.`,
          );
        const dto = plainToInstance(CreateUserDto, {
          email: options.email,
          displayName: options.name,
          password,
          roles: options.role,
          clearance: options.clearance,
          organisationId: org.id,
        });
        const problems = await validate(dto);
        if (problems.length) {
          const lines = problems.flatMap((p) => Object.values(p.constraints ?? {}));
          throw new DomainError('validation_failed', lines.join('; '));
        }
        // An operator on the machine grants roles and clearance directly (README, "Command
        // line"): the first administrator comes from here; the api always asks a second one.
        return app.get(UsersService).create(cliContext(), dto, { trustedOperator: true });
      });
      console.log(
        `Created ${created.email} (${created.roles.join(', ')}, ${created.clearance}, ${created.organisation.acronym}).`,
      );
      if (!options.password) console.log(`Initial password: ${password}`);
    },
  );

program
  .command('seed')
  .description(
    'Add the demo organisations and accounts that are missing, and demo situations into an empty database',
  )
  .action(async () => {
    const [accounts, content] = await withServices(
      async (app) =>
        [
          await app
            .get(DemoSeedService)
            .seed(process.env.VIGIL_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD),
          await app.get(DemoContentService).seedIfEmpty(),
        ] as const,
    );
    console.log(`Seeded ${accounts.organisations} organisations and ${accounts.users} users.`);
    console.log(describeDemoContent(content));
  });

addKeyCommands(program);

program
  .parseAsync()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: unknown) => {
    console.error(
      error instanceof DomainError || error instanceof Error ? `Error: ${error.message}` : error,
    );
    process.exit(1);
  });
