import { exportResponse } from '$lib/server/export/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, locals, getClientAddress }) => exportResponse(params.name, url.searchParams, locals, getClientAddress());
