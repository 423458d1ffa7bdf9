// SvelteKit's aliases ($lib, $contract in svelte.config.js) in the webpack shape dependency-cruiser
// reads, so the rules see through them without a generated .svelte-kit/tsconfig.json.
const path = require('node:path');
module.exports = {
	resolve: {
		alias: {
			$lib: path.resolve(__dirname, 'src/lib'),
			$contract: path.resolve(__dirname, 'contract')
		}
	}
};
