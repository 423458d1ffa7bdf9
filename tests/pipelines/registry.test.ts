// Which dataset a header is.

import { describe, expect, it } from 'vitest';
import { datasetNames, detectDataset } from '../../pipelines/registry';

const id = (header: string[], forced?: string) => {
	const d = detectDataset(header, forced);
	return d.ok ? d.spec.id : d.rule;
};

describe('detectDataset', () => {
	it('recognises every dataset by its columns, ignoring case and spaces', () => {
		expect(id(['wijk_code', 'wijk_naam', 'gemeente_code', 'gemeente_naam'])).toBe('wijken');
		expect(id(['Praktijk_Code', ' praktijk_naam ', 'wijk_code'])).toBe('praktijken');
		expect(id(['bestemming', 'lijn'])).toBe('bestemmingen');
		expect(id(['jaar', 'praktijk_code', 'leeftijdsgroep', 'aantal'])).toBe('populatie_praktijk');
		expect(id(['jaar', 'wijk_code', 'leeftijdsgroep', 'aantal'])).toBe('populatie_wijk');
		expect(id(['praktijk_code', 'functie', 'start', 'eind', 'uren_per_week'])).toBe('ojg_inzet');
		expect(id(['Verwijzing ID', 'datum', 'wijk_code'])).toBe('verwijzingen');
		expect(id(['werkplan_id', 'titel', 'thema', 'trekker'])).toBe('werkplannen');
		expect(id(['werkplan_id', 'mijlpaal_id', 'omschrijving', 'deadline'])).toBe('mijlpalen');
		expect(id(['werkplan_id', 'datum', 'status'])).toBe('voortgang');
		expect(id(['Wijk code', 'datum', 'Kwadrant', 'omschrijving'])).toBe('swot');
	});

	it('still recognises a file that lacks a required column, so that the header check can name it', () => {
		expect(id(['verwijzing_id', 'wijk_code', 'leeftijdsgroep'])).toBe('verwijzingen');
	});

	it('says so when the header fits nothing, or two datasets equally', () => {
		expect(id(['x', 'y'])).toBe('dataset-onbekend');
		expect(id(['jaar', 'praktijk_code', 'wijk_code', 'leeftijdsgroep', 'aantal'])).toBe('dataset-dubbelzinnig');
	});

	it('lets --dataset decide, and picks the populatie shape by header', () => {
		expect(id(['a', 'b'], 'wijken')).toBe('wijken');
		expect(id(['jaar', 'wijk_code', 'leeftijdsgroep', 'aantal'], 'populatie')).toBe('populatie_wijk');
		expect(id(['jaar', 'praktijk_code', 'wijk_code', 'leeftijdsgroep', 'aantal'], 'populatie_praktijk')).toBe('populatie_praktijk');
		expect(id(['a'], 'verwijzing')).toBe('dataset-onbekend');
	});

	it('offers the contract names and both populatie shapes to --dataset', () => {
		expect(datasetNames()).toEqual([
			'wijken',
			'praktijken',
			'bestemmingen',
			'populatie',
			'populatie_praktijk',
			'populatie_wijk',
			'ojg_inzet',
			'verwijzingen',
			'werkplannen',
			'mijlpalen',
			'voortgang',
			'swot',
			'enquetes',
			'enquete_vragen',
			'enquete_responsen',
			'limesurvey',
			'forms',
			'wijkgrenzen'
		]);
	});
});
