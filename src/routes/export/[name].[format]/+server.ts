// /export/<name>.csv, .xlsx and .arrow: one route, so every format passes the same access check
// (hooks.server.ts, src/lib/auth/access.ts) and the same scoped query (respond.ts).
import { exportResponse } from '$lib/server/export/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, locals, getClientAddress }) => exportResponse(params.name, params.format, url.searchParams, locals, getClientAddress());
