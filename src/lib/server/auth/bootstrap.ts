// Accounts at server start. Whenever MONITOR_ADMIN_PASSWORD is set, `beheerder` exists with that
// password (so an operator and an automated check can always sign in). A first start without any
// account creates the demo accounts on the demo database (README lists them) or, on real data,
// `beheerder` with a generated password that is printed once.
import type { Rol } from '$lib/auth/types';
import { generatePassword, passwordProblem } from './password';
import { UserError, type UserStore } from './users';

export interface DemoAccount {
	gebruikersnaam: string;
	naam: string;
	rol: Rol;
	gemeenten?: string[];
	wijken?: string[];
}

/** The demo accounts; each password is `demo-` + the user name (fictitious data only). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
	{ gebruikersnaam: 'beheerder', naam: 'Beheerder (demo)', rol: 'beheerder' },
	{ gebruikersnaam: 'beleid.voorbeeldstad', naam: 'Beleidsadviseur Voorbeeldstad (demo)', rol: 'beleid', gemeenten: ['GM9901'] },
	{ gebruikersnaam: 'gez.centrum', naam: 'GEZ Centrum en Riëndonk (demo)', rol: 'gez', wijken: ['WK990101', 'WK990102'] },
	{ gebruikersnaam: 'regiegroep.gaarden', naam: 'Regiegroep De Gaarden (demo)', rol: 'regiegroep', wijken: ['WK990105'] },
	{ gebruikersnaam: 'lezer', naam: 'Lezer (demo)', rol: 'lezer' }
];

export const demoPassword = (gebruikersnaam: string) => `demo-${gebruikersnaam}`;

export interface BootstrapResult {
	/** What the operator should read once (a generated password), or null. */
	announcement: string | null;
}

export async function bootstrapAccounts(users: UserStore, opts: { adminPassword?: string; demo: boolean }): Promise<BootstrapResult> {
	let announcement: string | null = null;
	if (users.list().length === 0) {
		if (opts.demo) {
			for (const a of DEMO_ACCOUNTS) {
				await users.add({ ...a, gemeenten: a.gemeenten ?? null, wijken: a.wijken ?? null, wachtwoord: demoPassword(a.gebruikersnaam) });
			}
		} else if (!opts.adminPassword) {
			const wachtwoord = generatePassword();
			await users.add({ gebruikersnaam: 'beheerder', naam: 'Beheerder', rol: 'beheerder', wachtwoord });
			announcement =
				`Eerste start: account "beheerder" aangemaakt met wachtwoord ${wachtwoord}\n` +
				`Dit wachtwoord wordt niet opnieuw getoond. Wijzig het met: npm run users -- reset beheerder`;
		}
	}
	if (opts.adminPassword !== undefined) {
		const problem = passwordProblem(opts.adminPassword);
		if (problem) throw new UserError(`MONITOR_ADMIN_PASSWORD: ${problem}`);
		const existing = users.get('beheerder');
		if (!existing) await users.add({ gebruikersnaam: 'beheerder', naam: 'Beheerder', rol: 'beheerder', wachtwoord: opts.adminPassword });
		else {
			if (existing.rol !== 'beheerder') users.setRole('beheerder', 'beheerder', null, null);
			if (!(await users.verify('beheerder', opts.adminPassword))) await users.setPassword('beheerder', opts.adminPassword);
			if (!users.get('beheerder')!.actief) users.setActive('beheerder', true);
		}
	}
	return { announcement };
}
