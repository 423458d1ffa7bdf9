// SWOT items across snapshots (src/lib/regiegroep/swot.ts), against hand-made snapshots. The expected
// lists are written out by hand from the items below.
import { describe, expect, it } from 'vitest';
import {
	countsOverTime,
	diffSwot,
	matchItems,
	snapshotAt,
	snapshotDates,
	type SwotItemLike,
	type SwotRecord
} from '$lib/regiegroep/swot';
import { itemKey, normaliseText, type Kwadrant } from '$contract/regiegroep';

const item = (kwadrant: Kwadrant, omschrijving: string, item_id: string | null = null): SwotItemLike => ({ kwadrant, omschrijving, item_id });
const texts = (items: SwotItemLike[]) => items.map((i) => i.omschrijving);

describe('normaliseText and itemKey', () => {
	it('ignores case, accents, punctuation and extra spaces', () => {
		expect(normaliseText('  Kennis en ervaring van de Liaisons. ')).toBe('kennis en ervaring van de liaisons');
		expect(normaliseText('Ideeën – van   de werkvloer!')).toBe('ideeen van de werkvloer');
		expect(normaliseText('(Zorg)vangnet')).toBe('zorg vangnet');
	});

	it('keys an item by its id, or else by quadrant and normalised text', () => {
		expect(itemKey({ item_id: 'S1', kwadrant: 'sterkte', omschrijving: 'X' })).toBe('id:S1');
		expect(itemKey({ item_id: null, kwadrant: 'zwakte', omschrijving: 'Korte termijn, één jaar.' })).toBe('tekst:zwakte:korte termijn een jaar');
	});
});

describe('diffSwot', () => {
	// Round 1 and 2 of wijk Noord in tests/fixtures/regiegroep/swot.csv: no ids, so text decides.
	const ronde1 = [
		item('sterkte', 'Korte lijnen tussen huisarts en buurtteam'),
		item('sterkte', 'Kennis en ervaring van de liaisons'),
		item('zwakte', 'Uitwisseling van personeel voor maar een jaar'),
		item('kans', 'Meer preventie door samenwerking'),
		item('bedreiging', 'Vertrek van een liaison laat een gat')
	];
	const ronde2 = [
		item('sterkte', 'Korte lijnen tussen huisarts en buurtteam.'),
		item('sterkte', 'kennis en ervaring van de Liaisons'),
		item('zwakte', 'Communicatie over urgente meldingen is traag'),
		item('kans', 'Meer preventie door samenwerking'),
		item('bedreiging', 'Vertrek van een liaison laat een gat'),
		item('bedreiging', 'Geen langjarige afspraken over financiering')
	];

	it('matches items without an id on their normalised text', () => {
		const d = diffSwot(ronde1, ronde2);
		expect(d.sterkte.gebleven.map((m) => [m.voor.omschrijving, m.na.omschrijving, m.via])).toEqual([
			['Korte lijnen tussen huisarts en buurtteam', 'Korte lijnen tussen huisarts en buurtteam.', 'tekst'],
			['Kennis en ervaring van de liaisons', 'kennis en ervaring van de Liaisons', 'tekst']
		]);
		expect(d.sterkte.nieuw).toEqual([]);
		expect(d.sterkte.opgelost).toEqual([]);
		expect(texts(d.zwakte.nieuw)).toEqual(['Communicatie over urgente meldingen is traag']);
		expect(texts(d.zwakte.opgelost)).toEqual(['Uitwisseling van personeel voor maar een jaar']);
		expect(d.zwakte.gebleven).toEqual([]);
		expect(d.kans.gebleven).toHaveLength(1);
		expect(texts(d.bedreiging.nieuw)).toEqual(['Geen langjarige afspraken over financiering']);
		expect(d.bedreiging.gebleven.map((m) => m.na.omschrijving)).toEqual(['Vertrek van een liaison laat een gat']);
	});

	it('falls back to text when only the later snapshot has ids', () => {
		// Round 3 of Noord: ids appear for the first time.
		const ronde3 = [
			item('sterkte', 'Korte lijnen tussen huisarts en buurtteam', 'S1'),
			item('sterkte', 'Gezamenlijke scholing van assistentes en buurtteam', 'S3'),
			item('zwakte', 'Communicatie over urgente meldingen is traag', 'Z2'),
			item('kans', 'Meer preventie door samenwerking', 'K1'),
			item('bedreiging', 'Geen langjarige afspraken over financiering', 'B2')
		];
		const d = diffSwot(ronde2, ronde3);
		expect(d.sterkte.gebleven.map((m) => m.na.item_id)).toEqual(['S1']);
		expect(texts(d.sterkte.nieuw)).toEqual(['Gezamenlijke scholing van assistentes en buurtteam']);
		expect(texts(d.sterkte.opgelost)).toEqual(['kennis en ervaring van de Liaisons']);
		expect(d.zwakte.gebleven.map((m) => m.via)).toEqual(['tekst']);
		expect(texts(d.bedreiging.opgelost)).toEqual(['Vertrek van een liaison laat een gat']);
		expect(d.bedreiging.gebleven.map((m) => m.na.item_id)).toEqual(['B2']);
	});

	it('follows an id across a change of wording and of quadrant', () => {
		// Wijk Zuid: Z1 was a weakness and is now a threat, reworded.
		const voor = [item('sterkte', 'Vaste contactpersoon per praktijk', 'S1'), item('zwakte', 'Wachtlijst basis-GGZ', 'Z1'), item('kans', 'Praktijkondersteuner jeugd in de wijk', 'K1')];
		const na = [item('sterkte', 'Vaste contactpersoon per praktijk', 'S1'), item('bedreiging', 'Wachtlijst basis-GGZ groeit', 'Z1'), item('kans', 'Samenwerking met de bibliotheek', 'K2')];
		const d = diffSwot(voor, na);
		expect(d.zwakte.opgelost).toEqual([]);
		expect(d.zwakte.verplaatst.map((m) => [m.voor.kwadrant, m.na.kwadrant])).toEqual([['zwakte', 'bedreiging']]);
		expect(d.bedreiging.gebleven).toHaveLength(1);
		expect(d.bedreiging.gebleven[0]).toMatchObject({ via: 'item_id', tekstGewijzigd: true });
		expect(d.bedreiging.nieuw).toEqual([]);
		expect(texts(d.kans.nieuw)).toEqual(['Samenwerking met de bibliotheek']);
		expect(texts(d.kans.opgelost)).toEqual(['Praktijkondersteuner jeugd in de wijk']);
		expect(d.sterkte.gebleven[0]).toMatchObject({ via: 'item_id', tekstGewijzigd: false });
	});

	it('does not match the same text in another quadrant, and pairs duplicates in order', () => {
		const voor = [item('sterkte', 'De klik tussen de liaisons'), item('sterkte', 'Vrijheid van handelen'), item('sterkte', 'Vrijheid van handelen')];
		const na = [item('zwakte', 'De klik tussen de liaisons'), item('sterkte', 'vrijheid van handelen')];
		const { matches, nieuw, opgelost } = matchItems(voor, na);
		expect(matches).toHaveLength(1);
		expect(matches[0].voor).toBe(voor[1]);
		expect(nieuw).toEqual([na[0]]);
		expect(opgelost).toEqual([voor[0], voor[2]]);
	});

	it('gives an id match priority over a text match', () => {
		const voor = [item('kans', 'Preventie', 'K1'), item('kans', 'Preventie')];
		const na = [item('kans', 'Preventie', 'K1')];
		const { matches, opgelost } = matchItems(voor, na);
		expect(matches.map((m) => m.via)).toEqual(['item_id']);
		expect(opgelost).toEqual([voor[1]]);
	});
});

describe('snapshots over time', () => {
	const rec = (datum: string, kwadrant: Kwadrant, omschrijving: string, afgesloten_op: string | null = null, wijk_code = 'WK990101'): SwotRecord => ({
		wijk_code,
		datum,
		kwadrant,
		omschrijving,
		item_id: null,
		thema: null,
		item_sleutel: itemKey({ item_id: null, kwadrant, omschrijving }),
		afgesloten_op
	});
	const records = [
		rec('2024-10-01', 'sterkte', 'A'),
		rec('2024-10-01', 'zwakte', 'B'),
		rec('2025-04-01', 'sterkte', 'A'),
		rec('2025-04-01', 'kans', 'C', '2025-06-15'),
		rec('2025-04-01', 'bedreiging', 'D'),
		rec('2025-04-01', 'bedreiging', 'E', null, 'WK990102')
	];

	it('takes the latest snapshot on or before the date, without items closed by then', () => {
		expect(snapshotDates(records, 'WK990101')).toEqual(['2024-10-01', '2025-04-01']);
		expect(snapshotAt(records, 'WK990101', '2024-09-30')).toEqual({ datum: null, items: [] });
		expect(texts(snapshotAt(records, 'WK990101', '2025-03-31').items)).toEqual(['A', 'B']);
		expect(texts(snapshotAt(records, 'WK990101', '2025-06-14').items)).toEqual(['A', 'C', 'D']);
		expect(texts(snapshotAt(records, 'WK990101', '2025-06-15').items)).toEqual(['A', 'D']);
	});

	it('counts open items per quadrant at every snapshot and closing date', () => {
		expect(countsOverTime(records, 'WK990101')).toEqual([
			{ datum: '2024-10-01', aantallen: { sterkte: 1, zwakte: 1, kans: 0, bedreiging: 0 } },
			{ datum: '2025-04-01', aantallen: { sterkte: 1, zwakte: 0, kans: 1, bedreiging: 1 } },
			{ datum: '2025-06-15', aantallen: { sterkte: 1, zwakte: 0, kans: 0, bedreiging: 1 } }
		]);
	});
});
