// The architecture as rules (docs/architecture.md): `npm test` runs `npm run deps` first, and a
// broken rule stops the run with the rule's name, its comment and the import that broke it.
// tests/architecture/rules.test.ts proves that each rule fires on an import that breaks it.

/** Folders of src/lib that hold client-safe code (no server, no components). */
const CLIENT_LIB = '^src/lib/(shared|referrals|ojg|surveys|regiegroep|bronnen)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-cycles',
			comment: 'Modules form layers, not loops: break the cycle by moving the shared part down a layer.',
			severity: 'error',
			from: {},
			to: { circular: true }
		},
		{
			name: 'contract-stands-alone',
			comment:
				'contract/ is the shared import contract: code lists, dates, privacy detectors, schema. It imports nothing of the app, the pipelines or the tests, and does no I/O.',
			severity: 'error',
			from: { path: '^contract/' },
			to: { pathNot: '^contract/' }
		},
		{
			name: 'pipelines-meet-src-only-in-contract',
			comment: 'pipelines/ and src/ never import each other; what both need belongs in contract/.',
			severity: 'error',
			from: { path: '^pipelines/' },
			to: { path: '^(src|tests|scripts|bench)/' }
		},
		{
			name: 'src-meets-pipelines-only-in-contract',
			comment: 'src/ never imports pipelines/ (or scripts/, tests/); what both need belongs in contract/.',
			severity: 'error',
			from: { path: '^src/' },
			to: { path: '^(pipelines|tests|scripts|bench)/' }
		},
		{
			name: 'client-code-not-server',
			comment:
				'Components and the client-safe folders of src/lib never import $lib/server: move the shared types or rules to src/lib/<feature>/.',
			severity: 'error',
			from: { path: ['^src/lib/components/', CLIENT_LIB] },
			to: { path: '^src/lib/server/' }
		},
		{
			name: 'pages-not-server',
			comment: 'A +page.svelte or +layout.svelte runs in the browser too: it gets its data from +page.server.ts, never from $lib/server.',
			severity: 'error',
			from: { path: '^src/routes/.*\\.svelte$' },
			to: { path: '^src/lib/server/' }
		},
		{
			name: 'rules-not-components',
			comment: 'Client-safe rules and types (src/lib/<feature>/) sit below the components: a component imports them, never the other way round.',
			severity: 'error',
			from: { path: CLIENT_LIB },
			to: { path: '^src/lib/components/' }
		},
		{
			name: 'lib-not-routes',
			comment: 'src/lib serves the routes; it never imports a route.',
			severity: 'error',
			from: { path: '^src/lib/' },
			to: { path: '^src/routes/' }
		},
		{
			name: 'routes-not-database',
			comment: 'Routes are thin: they ask a query module of src/lib/server/<feature>/ for data and never open the database or run SQL themselves.',
			severity: 'error',
			from: { path: '^src/routes/' },
			to: { path: ['^node_modules/@duckdb/', '^src/lib/server/db/(sql|database)\\.ts$'] }
		},
		{
			name: 'database-only-in-server',
			comment: 'Only src/lib/server opens DuckDB on the app side.',
			severity: 'error',
			from: { path: '^src/', pathNot: '^src/lib/server/' },
			to: { path: '^node_modules/@duckdb/' }
		},
		{
			name: 'reads-not-writes',
			comment:
				'The read-only query modules never write: only src/lib/server/edits/ (and the form actions that call it) may use the writable edit store.',
			severity: 'error',
			from: { path: '^src/lib/server/', pathNot: '^src/lib/server/edits/' },
			to: { path: '^src/lib/server/edits/(store|write|actions|forms)\\.ts$' }
		},
		{
			name: 'readers-are-the-bottom',
			comment: 'pipelines/readers turn a file into rows; they know nothing of validators, datasets or the loader.',
			severity: 'error',
			from: { path: '^pipelines/readers/' },
			to: { path: '^pipelines/(validators|datasets|db|demo)/|^pipelines/[^/]+\\.ts$', pathNot: '^pipelines/errors\\.ts$' }
		},
		{
			name: 'validators-below-datasets',
			comment: 'Validators check cells and tables; a dataset module composes them, never the other way round.',
			severity: 'error',
			from: { path: '^pipelines/validators/' },
			to: { path: '^pipelines/(datasets|db|demo)/|^pipelines/(registry|ingest|loader|cli)\\.ts$' }
		},
		{
			name: 'datasets-below-registry',
			comment: 'A dataset module states one dataset; only the registry and the ingest know all of them.',
			severity: 'error',
			from: { path: '^pipelines/datasets/' },
			to: { path: '^pipelines/(db|demo)/|^pipelines/(registry|ingest|loader|cli)\\.ts$' }
		},
		{
			name: 'app-not-tests',
			comment: 'Production code never imports test code.',
			severity: 'error',
			from: { path: '^(src|pipelines|contract|scripts)/' },
			to: { path: '^tests/' }
		},
		{
			name: 'not-to-unresolvable',
			comment: 'An import that resolves to nothing is a typo or a missing dependency.',
			severity: 'error',
			from: {},
			to: { couldNotResolve: true, pathNot: ['^\\$app/', '^\\$env/', '\\$types$', '^\\./\\$types'] }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: ['^\\.svelte-kit', '^build'] },
		tsPreCompilationDeps: true,
		webpackConfig: { fileName: '.dependency-cruiser.aliases.cjs' },
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types', 'svelte'],
			extensions: ['.ts', '.js', '.svelte', '.d.ts']
		}
	}
};
