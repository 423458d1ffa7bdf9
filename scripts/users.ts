// `npm run users -- <opdracht>`: the accounts of the dashboard (MONITOR_USERS, default
// gebruikersnaam.json beside MONITOR_DB). The running server picks up every change on the next
// request; a reset, a new role or disabling an account also ends that user's sessions.
//   list
//   add <gebruikersnaam> --naam "…" --rol <rol> [--gemeenten GM0001,…] [--wijken WK000101,…]
//   disable <gebruikersnaam> | enable <gebruikersnaam>
//   reset <gebruikersnaam>
//   role <gebruikersnaam> --rol <rol> [--gemeenten …] [--wijken …]
// A new password is read from standard input when --wachtwoord-stdin is given; otherwise one is
// generated and printed once.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { generatePassword } from '../src/lib/server/auth/password';
import { UserError, UserStore, usersPath, type Account } from '../src/lib/server/auth/users';
import { ROL_LABEL, ROLLEN } from '../src/lib/auth/types';

export interface UsersIo {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	/** The password piped in with --wachtwoord-stdin. */
	readStdin: () => string;
}

const list = (v: string | undefined) => (v === undefined ? null : v.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean));

function describe(a: Account): string {
	const scope = a.gemeenten ? `gemeenten ${a.gemeenten.join(', ')}` : a.wijken ? `wijken ${a.wijken.join(', ')}` : 'alles';
	return `${a.gebruikersnaam.padEnd(24)} ${ROL_LABEL[a.rol].padEnd(28)} ${scope.padEnd(30)} ${a.actief ? 'actief' : 'uitgeschakeld'}  ${a.naam}`;
}

/** Runs one command; returns the exit code (0 ok, 1 refused, 2 wrong command line). */
export async function runUsers(argv: readonly string[], io: UsersIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
	const program = new Command('users')
		.exitOverride()
		.configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
		.option('--bestand <pad>', 'het gebruikersbestand (standaard: MONITOR_USERS, of gebruikers.json naast MONITOR_DB)');
	let code = 0;
	const store = () => new UserStore(program.opts().bestand ? path.resolve(program.opts().bestand) : usersPath(env));
	const password = (opts: { wachtwoordStdin?: boolean }) => {
		if (!opts.wachtwoordStdin) return { wachtwoord: generatePassword(), shown: true };
		return { wachtwoord: io.readStdin().replace(/\r?\n$/, ''), shown: false };
	};
	const announce = (naam: string, p: { wachtwoord: string; shown: boolean }) => {
		if (p.shown) io.stdout(`Wachtwoord van ${naam}: ${p.wachtwoord}\n(wordt niet opnieuw getoond; geef het veilig door)\n`);
	};

	program.command('list').description('alle accounts').action(() => {
		const accounts = store().list();
		io.stdout(accounts.length ? accounts.map(describe).join('\n') + '\n' : 'Nog geen accounts. Maak er een met: npm run users -- add …\n');
	});
	program
		.command('add <gebruikersnaam>')
		.description('nieuw account')
		.requiredOption('--naam <naam>', 'naam zoals de monitor die toont')
		.requiredOption('--rol <rol>', `een van: ${ROLLEN.join(', ')}`)
		.option('--gemeenten <codes>', 'beleid: gemeentecodes, met komma’s')
		.option('--wijken <codes>', 'gez, regiegroep, lezer: wijkcodes, met komma’s')
		.option('--wachtwoord-stdin', 'lees het wachtwoord van standaardinvoer')
		.action(async (gebruikersnaam: string, o) => {
			const p = password(o);
			const a = await store().add({ gebruikersnaam, naam: o.naam, rol: o.rol, gemeenten: list(o.gemeenten), wijken: list(o.wijken), wachtwoord: p.wachtwoord });
			io.stdout(`Aangemaakt: ${describe(a)}\n`);
			announce(a.gebruikersnaam, p);
		});
	for (const [name, actief] of [['disable', false], ['enable', true]] as const) {
		program
			.command(`${name} <gebruikersnaam>`)
			.description(actief ? 'account weer aanzetten' : 'account uitschakelen (meldt de gebruiker direct af)')
			.action((gebruikersnaam: string) => {
				io.stdout(`${actief ? 'Aangezet' : 'Uitgeschakeld'}: ${describe(store().setActive(gebruikersnaam, actief))}\n`);
			});
	}
	program
		.command('reset <gebruikersnaam>')
		.description('nieuw wachtwoord (meldt de gebruiker overal af)')
		.option('--wachtwoord-stdin', 'lees het wachtwoord van standaardinvoer')
		.action(async (gebruikersnaam: string, o) => {
			const p = password(o);
			await store().setPassword(gebruikersnaam, p.wachtwoord);
			io.stdout(`Nieuw wachtwoord gezet voor ${gebruikersnaam}.\n`);
			announce(gebruikersnaam, p);
		});
	program
		.command('role <gebruikersnaam>')
		.description('andere rol of ander gebied (meldt de gebruiker overal af)')
		.requiredOption('--rol <rol>', `een van: ${ROLLEN.join(', ')}`)
		.option('--gemeenten <codes>', 'beleid: gemeentecodes, met komma’s')
		.option('--wijken <codes>', 'gez, regiegroep, lezer: wijkcodes, met komma’s')
		.action((gebruikersnaam: string, o) => {
			io.stdout(`Gewijzigd: ${describe(store().setRole(gebruikersnaam, o.rol, list(o.gemeenten), list(o.wijken)))}\n`);
		});

	try {
		await program.parseAsync([...argv], { from: 'user' });
	} catch (e) {
		if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
		if (e instanceof UserError) {
			io.stderr(`${e.message}\n`);
			return 1;
		}
		throw e;
	}
	return code;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
	process.exitCode = await runUsers(process.argv.slice(2), {
		stdout: (t) => process.stdout.write(t),
		stderr: (t) => process.stderr.write(t),
		readStdin: () => fs.readFileSync(0, 'utf8')
	});
}
