// Accounts, passwords and sessions on their own: scrypt hashes, the accounts file, expiry, throttling.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrapAccounts, DEMO_ACCOUNTS, demoPassword } from '$lib/server/auth/bootstrap';
import { hashPassword, verifyPassword } from '$lib/server/auth/password';
import { Sessions } from '$lib/server/auth/sessions';
import { Throttle } from '$lib/server/auth/throttle';
import { UserError, UserStore } from '$lib/server/auth/users';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-auth-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const store = () => new UserStore(path.join(dir, `gebruikers-${++n}.json`));

describe('passwords', () => {
	it('verifies the password it hashed, refuses another, and salts every hash', async () => {
		const a = await hashPassword('correct paard batterij');
		const b = await hashPassword('correct paard batterij');
		expect(a).toMatch(/^scrypt:32768:8:1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
		expect(a).not.toBe(b);
		expect(await verifyPassword('correct paard batterij', a)).toBe(true);
		expect(await verifyPassword('correct paard batterij ', a)).toBe(false);
		expect(await verifyPassword('correct paard batterij', 'bcrypt:oud')).toBe(false);
	});
});

describe('the accounts file', () => {
	it('adds an account without storing the password, and signs in with it', async () => {
		const users = store();
		await users.add({ gebruikersnaam: 'an.jansen', naam: 'An Jansen', rol: 'beleid', gemeenten: ['GM9901'], wachtwoord: 'een-lang-wachtwoord' });
		const text = fs.readFileSync(users.path, 'utf8');
		expect(text).not.toContain('een-lang-wachtwoord');
		expect((fs.statSync(users.path).mode & 0o777).toString(8)).toBe('600');
		expect(await users.verify('an.jansen', 'een-lang-wachtwoord')).toMatchObject({ rol: 'beleid', gemeenten: ['GM9901'], wijken: null });
		expect(await users.verify('an.jansen', 'fout-wachtwoord')).toBeNull();
		expect(await users.verify('niemand', 'een-lang-wachtwoord')).toBeNull();
	});

	it('refuses what makes no sense, in Dutch', async () => {
		const users = store();
		const add = (o: Partial<Parameters<UserStore['add']>[0]>) =>
			users.add({ gebruikersnaam: 'piet', naam: 'Piet', rol: 'gez', wijken: ['WK990101'], wachtwoord: 'lang-genoeg-1', ...o });
		await expect(add({ wachtwoord: 'kort' })).rejects.toThrow('Een wachtwoord heeft minstens 10 tekens.');
		await expect(add({ rol: 'koning' })).rejects.toThrow('Onbekende rol "koning"');
		await expect(add({ wijken: ['WK1'] })).rejects.toThrow('"WK1" is geen wijkcode');
		await expect(add({ rol: 'beleid', wijken: ['WK990101'] })).rejects.toThrow('Een beleidsadviseur krijgt gemeenten');
		await expect(add({ gebruikersnaam: 'Piet Jansen' })).rejects.toBeInstanceOf(UserError);
		await add({});
		await expect(add({})).rejects.toThrow('Gebruiker "piet" bestaat al.');
	});

	it('a disabled account cannot sign in; a reset marks older sessions as over', async () => {
		const users = store();
		await users.add({ gebruikersnaam: 'piet', naam: 'Piet', rol: 'lezer', wachtwoord: 'lang-genoeg-1' });
		users.setActive('piet', false);
		expect(await users.verify('piet', 'lang-genoeg-1')).toBeNull();
		const before = Date.now();
		await users.setPassword('piet', 'nieuw-wachtwoord-2');
		expect(Date.parse(users.get('piet')!.sessies_vanaf!)).toBeGreaterThanOrEqual(before);
		expect(await users.verify('piet', 'nieuw-wachtwoord-2')).not.toBeNull();
	});
});

describe('accounts at start', () => {
	it('creates the demo accounts on the demo database, each with its documented password', async () => {
		const users = store();
		expect((await bootstrapAccounts(users, { demo: true })).announcement).toBeNull();
		expect(users.list().map((a) => a.gebruikersnaam)).toEqual(DEMO_ACCOUNTS.map((a) => a.gebruikersnaam));
		expect(await users.verify('beleid.voorbeeldstad', demoPassword('beleid.voorbeeldstad'))).toMatchObject({ rol: 'beleid', gemeenten: ['GM9901'] });
	});

	it('on real data creates beheerder with a generated password and says it once', async () => {
		const users = store();
		const { announcement } = await bootstrapAccounts(users, { demo: false });
		const password = /wachtwoord (\S+)/.exec(announcement ?? '')?.[1];
		expect(password).toBeDefined();
		expect(await users.verify('beheerder', password!)).toMatchObject({ rol: 'beheerder' });
		expect((await bootstrapAccounts(users, { demo: false })).announcement).toBeNull();
	});

	it('MONITOR_ADMIN_PASSWORD always wins: beheerder exists, is active and has that password', async () => {
		const users = store();
		await bootstrapAccounts(users, { demo: true });
		users.setActive('beheerder', false);
		await bootstrapAccounts(users, { demo: true, adminPassword: 'operator-wachtwoord' });
		expect(await users.verify('beheerder', 'operator-wachtwoord')).toMatchObject({ rol: 'beheerder', actief: true });
		expect(await users.verify('beheerder', demoPassword('beheerder'))).toBeNull();
		await expect(bootstrapAccounts(users, { demo: false, adminPassword: 'kort' })).rejects.toThrow('MONITOR_ADMIN_PASSWORD: Een wachtwoord heeft minstens 10 tekens.');
	});
});

describe('sessions', () => {
	const sessions = () => new Sessions({ idleMs: 30 * 60_000, absoluteMs: 10 * 3600_000 });

	it('ends after 30 idle minutes, and after 10 hours whatever happens', () => {
		const s = sessions();
		const t0 = Date.UTC(2026, 0, 5, 9);
		const token = s.create('piet', t0);
		expect(s.touch(token, t0 + 29 * 60_000)?.gebruikersnaam).toBe('piet');
		expect(s.touch(token, t0 + 29 * 60_000 + 31 * 60_000)).toBeNull();
		const long = s.create('an', t0);
		for (let m = 20; m < 600; m += 20) expect(s.touch(long, t0 + m * 60_000)).not.toBeNull();
		expect(s.touch(long, t0 + 601 * 60_000)).toBeNull();
	});

	it('signs out one session, or every session of a user', () => {
		const s = sessions();
		const [a, b, c] = [s.create('piet'), s.create('piet'), s.create('an')];
		s.destroy(a);
		expect(s.touch(a)).toBeNull();
		s.destroyAllFor('piet');
		expect(s.touch(b)).toBeNull();
		expect(s.touch(c)?.gebruikersnaam).toBe('an');
		expect(s.touch('verzonnen-token')).toBeNull();
	});
});

describe('throttle', () => {
	it('refuses the 6th attempt within 15 minutes until the oldest failure is 15 minutes old', () => {
		const t = new Throttle({ max: 5, windowMs: 15 * 60_000 });
		const t0 = 1_000_000;
		for (let i = 0; i < 5; i++) {
			expect(t.waitMs('piet', t0 + i * 60_000)).toBe(0);
			t.fail('piet', t0 + i * 60_000);
		}
		expect(t.waitMs('piet', t0 + 5 * 60_000)).toBe(10 * 60_000);
		expect(t.waitMs('an', t0 + 5 * 60_000)).toBe(0);
		expect(t.waitMs('piet', t0 + 15 * 60_000)).toBe(0);
		t.clear('piet');
		expect(t.waitMs('piet', t0 + 5 * 60_000)).toBe(0);
	});
});
