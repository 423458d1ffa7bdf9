// npm run screenshots: the file names of the pictures and the README section that shows them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileStem, readmeSection, withSection } from '../../scripts/screenshots';
import { routesIn } from '../../scripts/routes';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('screenshots', () => {
	it('names a picture after its route', () => {
		expect(fileStem('/')).toBe('overzicht');
		expect(fileStem('/werkplannen/rapport')).toBe('werkplannen-rapport');
		expect(fileStem('/wijk/[code]')).toBe('wijk-code');
		// Every page gets a name of its own.
		const stems = routesIn(path.join(ROOT, 'src/routes')).map(fileStem);
		expect(new Set(stems).size).toBe(stems.length);
	});

	it('shows each page on a desktop and a phone in one table row, and replaces its own section only', () => {
		const section = readmeSection([{ route: '/swot', titel: 'SWOT', stem: 'swot' }]);
		expect(section).toContain('| pagina | desktop | telefoon |');
		expect(section).toContain('| SWOT<br>`/swot` | <a href="docs/screenshots/swot-1366.png"><img src="docs/screenshots/swot-1366.png" width="360" alt="SWOT, desktop"></a> | <a href="docs/screenshots/swot-390.png"><img src="docs/screenshots/swot-390.png" width="120" alt="SWOT, telefoon"></a> |');
		const readme = '# Titel\n\n## Snel starten\n\ntekst\n\n## Eigen gegevens laden\n\nmeer\n';
		const once = withSection(readme, section);
		expect(once).toMatch(/## Snel starten\n\ntekst\n\n## Schermafbeeldingen\n\n<!-- schermafbeeldingen:begin[^]*schermafbeeldingen:end -->\n\n## Eigen gegevens laden/);
		const again = withSection(once, readmeSection([{ route: '/', titel: 'Overzicht', stem: 'overzicht' }]));
		expect(again).not.toContain('swot-1366.png');
		expect(again).toContain('overzicht-1366.png');
		expect(again.match(/## Schermafbeeldingen/g)).toHaveLength(1);
	});

	it('the README shows a picture for every page at both widths, and each picture exists', () => {
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		for (const route of routesIn(path.join(ROOT, 'src/routes'))) {
			for (const w of [1366, 390]) {
				const file = `docs/screenshots/${fileStem(route)}-${w}.png`;
				expect(readme, file).toContain(`src="${file}"`);
				expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
			}
		}
	});
});
