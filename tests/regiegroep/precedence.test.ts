// Which version of a record counts when it was imported and edited (src/lib/regiegroep/precedence.ts).
import { describe, expect, it } from 'vitest';
import { combine, editWins, type AppVersion, type ImportVersion } from '$lib/regiegroep/precedence';

interface R {
	status: string;
	toelichting: string | null;
}

const imp = (value: R, geladen_op: string, load_id = 1): ImportVersion<R> => ({ value, load_id, bestand: 'voortgang.csv', geladen_op });
const app = (value: Partial<R>, tijdstip: string, audit_id = 1): AppVersion<R> => ({ value, audit_id, wie: 'Fatima', tijdstip });

describe('combine', () => {
	it('lets the later of import and edit win, and keeps both', () => {
		const [r] = combine(
			new Map([['k', imp({ status: 'op_schema', toelichting: 'a' }, '2025-10-01T10:00:00.000Z')]]),
			new Map([['k', app({ status: 'achter', toelichting: 'b' }, '2025-10-02T09:00:00.000Z')]])
		);
		expect(r.bron).toBe('app');
		expect(r.value).toEqual({ status: 'achter', toelichting: 'b' });
		expect(r.import?.value.status).toBe('op_schema');
		expect(r.overschreven).toBe(true);

		const [later] = combine(
			new Map([['k', imp({ status: 'op_schema', toelichting: 'a' }, '2025-10-03T10:00:00.000Z', 2)]]),
			new Map([['k', app({ status: 'achter', toelichting: 'b' }, '2025-10-02T09:00:00.000Z')]])
		);
		expect(later.bron).toBe('import');
		expect(later.value.status).toBe('op_schema');
		expect(later.app?.merged.status).toBe('achter');
		expect(later.overschreven).toBe(true);
	});

	it('takes the fields an edit did not set from the import', () => {
		const [r] = combine(
			new Map([['k', imp({ status: 'op_schema', toelichting: 'uit de import' }, '2025-10-01T10:00:00.000Z')]]),
			new Map([['k', app({ status: 'afgerond' }, '2025-10-05T10:00:00.000Z')]])
		);
		expect(r.value).toEqual({ status: 'afgerond', toelichting: 'uit de import' });
	});

	it('passes records that were only imported or only edited, and marks no conflict for equal versions', () => {
		const rows = combine(
			new Map([
				['alleen-import', imp({ status: 'aandacht', toelichting: null }, '2025-10-01T10:00:00.000Z')],
				['gelijk', imp({ status: 'aandacht', toelichting: null }, '2025-10-01T10:00:00.000Z')]
			]),
			new Map([
				['alleen-app', app({ status: 'op_schema', toelichting: 'nieuw' }, '2025-10-02T10:00:00.000Z')],
				['gelijk', app({ status: 'aandacht' }, '2025-10-02T10:00:00.000Z', 2)]
			])
		);
		const by = new Map(rows.map((r) => [r.key, r]));
		expect(by.get('alleen-import')).toMatchObject({ bron: 'import', app: null, overschreven: false });
		expect(by.get('alleen-app')).toMatchObject({ bron: 'app', import: null, overschreven: false, value: { status: 'op_schema', toelichting: 'nieuw' } });
		expect(by.get('gelijk')).toMatchObject({ bron: 'app', overschreven: false });
	});

	it('compares instants, not text', () => {
		expect(editWins('2025-10-02T00:00:00.000Z', '2025-10-01T23:59:59Z')).toBe(true);
		expect(editWins('2025-10-01T10:00:00.000Z', '2025-10-01T10:00:00.000Z')).toBe(false);
	});
});
