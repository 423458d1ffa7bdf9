// The architecture's rules (.dependency-cruiser.cjs, run by `npm run deps` before the tests) are
// only worth something if they fire: each rule gets a small tree with one import that breaks it,
// and must name that rule and that import. The repository itself must break none.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import extractWebpackResolveConfig from 'dependency-cruiser/config-utl/extract-webpack-resolve-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as IConfiguration;

async function violations(baseDir: string, paths: string[], resolve = {}) {
	const { output } = await cruise(
		paths,
		{ ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true, baseDir, webpackConfig: undefined },
		resolve
	);
	const result = output as ICruiseResult;
	return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

/** One probe per rule: a file and the import in it that breaks the rule. */
const PROBES: { rule: string; file: string; imports: string; target: string; targetFile?: string }[] = [
	{ rule: 'contract-stands-alone', file: 'contract/codes.ts', imports: '../src/lib/shared/format', target: 'src/lib/shared/format.ts' },
	{ rule: 'pipelines-meet-src-only-in-contract', file: 'pipelines/ingest.ts', imports: '../src/lib/shared/format', target: 'src/lib/shared/format.ts' },
	{ rule: 'src-meets-pipelines-only-in-contract', file: 'src/lib/shared/dates.ts', imports: '../../../pipelines/errors', target: 'pipelines/errors.ts' },
	{ rule: 'client-code-not-server', file: 'src/lib/components/Chart.ts', imports: '../server/db/database', target: 'src/lib/server/db/database.ts' },
	{ rule: 'client-code-not-server', file: 'src/lib/surveys/rows.ts', imports: '../server/surveys/enquetes', target: 'src/lib/server/surveys/enquetes.ts' },
	{ rule: 'pages-not-server', file: 'src/routes/swot/+page.svelte', imports: '../../lib/server/regiegroep/views', target: 'src/lib/server/regiegroep/views.ts' },
	{ rule: 'rules-not-components', file: 'src/lib/referrals/series.ts', imports: '../components/charts/types', target: 'src/lib/components/charts/types.ts' },
	{ rule: 'lib-not-routes', file: 'src/lib/shared/nav.ts', imports: '../../routes/+layout.server', target: 'src/routes/+layout.server.ts' },
	{ rule: 'routes-not-database', file: 'src/routes/bronnen/+page.server.ts', imports: '../../lib/server/db/sql', target: 'src/lib/server/db/sql.ts' },
	{ rule: 'reads-not-writes', file: 'src/lib/server/regiegroep/queries.ts', imports: '../edits/store', target: 'src/lib/server/edits/store.ts' },
	{ rule: 'readers-are-the-bottom', file: 'pipelines/readers/csv.ts', imports: '../validators/dates', target: 'pipelines/validators/dates.ts' },
	{ rule: 'validators-below-datasets', file: 'pipelines/validators/freeText.ts', imports: '../registry', target: 'pipelines/registry.ts' },
	{ rule: 'datasets-below-registry', file: 'pipelines/datasets/swot.ts', imports: '../ingest', target: 'pipelines/ingest.ts' },
	{ rule: 'app-not-tests', file: 'src/lib/server/db/page.ts', imports: '../../../../tests/fixtures/fixture-db', target: 'tests/fixtures/fixture-db.ts' },
	{ rule: 'not-to-unresolvable', file: 'src/lib/shared/typo.ts', imports: './formaat', target: './formaat' }
];

let tree: string;
beforeAll(() => {
	tree = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-rules-'));
	const write = (file: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
		if (!fs.existsSync(path.join(tree, file))) fs.writeFileSync(path.join(tree, file), text);
	};
	for (const p of PROBES) {
		const importLine = p.file.endsWith('.svelte')
			? `<script lang="ts">\n\timport { x } from '${p.imports}';\n\tconsole.log(x);\n</script>\n`
			: `import { x } from '${p.imports}';\nexport const y = x;\n`;
		write(p.file, importLine);
		if (!p.target.startsWith('.')) write(p.target, 'export const x = 1;\n');
	}
	write('src/lib/shared/db.ts', "import { DuckDBInstance } from '@duckdb/node-api';\nexport const open = DuckDBInstance.create;\n");
	// A stand-in package, so the import resolves inside the probe tree.
	write('node_modules/@duckdb/node-api/package.json', '{ "name": "@duckdb/node-api", "main": "index.js" }\n');
	write('node_modules/@duckdb/node-api/index.js', 'exports.DuckDBInstance = {};\n');
	// A cycle of two modules that are otherwise allowed to meet.
	write('src/lib/shared/a.ts', "import { b } from './b';\nexport const a = b;\n");
	write('src/lib/shared/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
});
afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));

describe('dependency rules', () => {
	it.each(PROBES)('$rule fires on $file importing $imports', async (p) => {
		const found = await violations(tree, [p.file]);
		expect(found).toContain(`${p.rule}: ${p.file} -> ${p.target}`);
	});

	it('database-only-in-server fires on client code that imports DuckDB', async () => {
		const found = await violations(tree, ['src/lib/shared/db.ts']);
		expect(found.some((v) => v.startsWith('database-only-in-server: src/lib/shared/db.ts -> node_modules/@duckdb/node-api/'))).toBe(true);
	});

	it('no-cycles fires on two modules that import each other', async () => {
		const found = await violations(tree, ['src/lib/shared/a.ts']);
		expect(found).toContain('no-cycles: src/lib/shared/a.ts -> src/lib/shared/b.ts');
	});

	it('the repository breaks none of them', async () => {
		const resolve = await extractWebpackResolveConfig(path.join(root, '.dependency-cruiser.aliases.cjs'));
		const found = await violations(root, ['src', 'pipelines', 'contract', 'scripts', 'bench', 'tests'], resolve);
		expect(found).toEqual([]);
	}, 60_000);
});
