// The accounts: a JSON file beside the database (MONITOR_USERS, default gebruikers.json next to
// MONITOR_DB), written atomically (temp file, fsync, rename) so the server and `npm run users` never
// see half a file. The server re-reads it when it changes, so a disabled account or a new role
// takes effect on the next request. Relative imports only: scripts/users.ts runs this with tsx.
import fs from 'node:fs';
import path from 'node:path';
import { GEMEENTE_CODE, WIJK_CODE } from '../../../../contract/codes';
import { ROLLEN, type Rol, type Scope, type SessionUser } from '../../auth/types';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password';

export interface Account {
	gebruikersnaam: string;
	naam: string;
	rol: Rol;
	/** beleid: the gemeenten; null = all. */
	gemeenten: string[] | null;
	/** gez, regiegroep, lezer: the wijken; null = all. */
	wijken: string[] | null;
	wachtwoord: string;
	actief: boolean;
	gewijzigd: string;
	/** Sessions that started before this moment (ISO) no longer count: set by a reset or a change of role. */
	sessies_vanaf?: string;
}

interface UsersFile {
	versie: 1;
	gebruikers: Account[];
}

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export class UserError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UserError';
	}
}

/** MONITOR_USERS, or gebruikers.json in the directory of the analytic database. */
export function usersPath(env: NodeJS.ProcessEnv = process.env): string {
	if (env.MONITOR_USERS) return path.resolve(env.MONITOR_USERS);
	return path.join(path.dirname(path.resolve(env.MONITOR_DB ?? 'data/monitor.duckdb')), 'gebruikers.json');
}

export function scopeOf(a: Pick<Account, 'gemeenten' | 'wijken'>): Scope {
	return { gemeenten: a.gemeenten, wijken: a.wijken };
}

export function sessionUser(a: Account): SessionUser {
	return { gebruikersnaam: a.gebruikersnaam, naam: a.naam, rol: a.rol, scope: scopeOf(a) };
}

/** Checks a role and its scope: which codes, and only the kind of scope the role takes. */
export function checkRoleScope(rol: string, gemeenten: string[] | null, wijken: string[] | null): Rol {
	if (!(ROLLEN as readonly string[]).includes(rol)) throw new UserError(`Onbekende rol "${rol}"; kies uit ${ROLLEN.join(', ')}.`);
	for (const g of gemeenten ?? []) if (!GEMEENTE_CODE.test(g)) throw new UserError(`"${g}" is geen gemeentecode (GM gevolgd door 4 cijfers).`);
	for (const w of wijken ?? []) if (!WIJK_CODE.test(w)) throw new UserError(`"${w}" is geen wijkcode (WK gevolgd door 6 cijfers).`);
	if (rol === 'beheerder' && (gemeenten || wijken)) throw new UserError('Een beheerder ziet alles; geef geen gemeenten of wijken op.');
	if (rol === 'beleid' && wijken) throw new UserError('Een beleidsadviseur krijgt gemeenten (--gemeenten), geen wijken.');
	if (rol !== 'beheerder' && rol !== 'beleid' && gemeenten) throw new UserError(`Rol ${rol} krijgt wijken (--wijken), geen gemeenten.`);
	if ((gemeenten && gemeenten.length === 0) || (wijken && wijken.length === 0)) throw new UserError('Een lege lijst geeft geen toegang; laat de optie weg voor alles.');
	return rol as Rol;
}

export class UserStore {
	#cache: { key: string; file: UsersFile } | null = null;

	constructor(readonly path: string) {}

	#read(): UsersFile {
		let stat: fs.Stats;
		try {
			stat = fs.statSync(this.path);
		} catch {
			return { versie: 1, gebruikers: [] };
		}
		const key = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
		if (this.#cache?.key === key) return this.#cache.file;
		const file = JSON.parse(fs.readFileSync(this.path, 'utf8')) as UsersFile;
		if (file.versie !== 1 || !Array.isArray(file.gebruikers)) throw new Error(`${this.path} is geen gebruikersbestand van deze versie van de monitor.`);
		this.#cache = { key, file };
		return file;
	}

	#write(file: UsersFile): void {
		fs.mkdirSync(path.dirname(this.path), { recursive: true });
		const tmp = `${this.path}.${process.pid}.tmp`;
		const fd = fs.openSync(tmp, 'w', 0o600);
		try {
			fs.writeSync(fd, JSON.stringify(file, null, 2) + '\n');
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
		fs.renameSync(tmp, this.path);
		this.#cache = null;
	}

	list(): Account[] {
		return this.#read().gebruikers;
	}

	get(gebruikersnaam: string): Account | undefined {
		return this.list().find((a) => a.gebruikersnaam === gebruikersnaam);
	}

	#change(gebruikersnaam: string, change: (a: Account) => Account): Account {
		const file = this.#read();
		const i = file.gebruikers.findIndex((a) => a.gebruikersnaam === gebruikersnaam);
		if (i < 0) throw new UserError(`Er is geen gebruiker "${gebruikersnaam}".`);
		const next = { ...change(file.gebruikers[i]), gewijzigd: new Date().toISOString() };
		this.#write({ ...file, gebruikers: file.gebruikers.map((a, j) => (j === i ? next : a)) });
		return next;
	}

	async add(input: { gebruikersnaam: string; naam: string; rol: string; gemeenten?: string[] | null; wijken?: string[] | null; wachtwoord: string }): Promise<Account> {
		if (!USERNAME.test(input.gebruikersnaam)) throw new UserError('Een gebruikersnaam heeft 2 tot 40 tekens: kleine letters, cijfers, punt, streepje of liggend streepje.');
		if (this.get(input.gebruikersnaam)) throw new UserError(`Gebruiker "${input.gebruikersnaam}" bestaat al.`);
		const naam = input.naam.trim();
		if (naam.length < 2 || naam.length > 80) throw new UserError('Een naam heeft 2 tot 80 tekens.');
		const rol = checkRoleScope(input.rol, input.gemeenten ?? null, input.wijken ?? null);
		const problem = passwordProblem(input.wachtwoord);
		if (problem) throw new UserError(problem);
		const account: Account = {
			gebruikersnaam: input.gebruikersnaam,
			naam,
			rol,
			gemeenten: input.gemeenten ?? null,
			wijken: input.wijken ?? null,
			wachtwoord: await hashPassword(input.wachtwoord),
			actief: true,
			gewijzigd: new Date().toISOString()
		};
		const file = this.#read();
		this.#write({ ...file, gebruikers: [...file.gebruikers, account] });
		return account;
	}

	async setPassword(gebruikersnaam: string, wachtwoord: string): Promise<Account> {
		const problem = passwordProblem(wachtwoord);
		if (problem) throw new UserError(problem);
		const hash = await hashPassword(wachtwoord);
		return this.#change(gebruikersnaam, (a) => ({ ...a, wachtwoord: hash, actief: true, sessies_vanaf: new Date().toISOString() }));
	}

	setActive(gebruikersnaam: string, actief: boolean): Account {
		return this.#change(gebruikersnaam, (a) => ({ ...a, actief, sessies_vanaf: new Date().toISOString() }));
	}

	setRole(gebruikersnaam: string, rol: string, gemeenten: string[] | null, wijken: string[] | null): Account {
		const checked = checkRoleScope(rol, gemeenten, wijken);
		return this.#change(gebruikersnaam, (a) => ({ ...a, rol: checked, gemeenten, wijken, sessies_vanaf: new Date().toISOString() }));
	}

	/** The active account with this name and password, or null; as slow for a wrong name as for a wrong password. */
	async verify(gebruikersnaam: string, wachtwoord: string): Promise<Account | null> {
		const account = this.get(gebruikersnaam);
		const ok = await verifyPassword(wachtwoord, account?.wachtwoord ?? (await dummyHash()));
		return account && account.actief && ok ? account : null;
	}
}
