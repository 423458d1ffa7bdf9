// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// Set by hooks.server.ts; a later login puts the signed-in user here.
		interface Locals {
			requestId: string;
			/** The signed-in user, once a login exists (hooks.server.ts); edits record this name. */
			user?: { naam: string };
		}
	}
}

export {};
