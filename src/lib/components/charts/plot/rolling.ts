// A rolling mean over a noisy series: the mean of the last k periods (4 quarters, 12 months), only
// where all k are known, so that a hidden small number never pulls the trend up or down.
export interface RollingPoint {
	x: string;
	y: number;
}

/** The window that smooths a series of these periods: 12 for months, 4 for quarters, none for years. */
export function rollingWindow(periods: readonly string[]): { k: number; label: string } | null {
	if (periods.length > 0 && periods.every((p) => /^\d{4}-\d{2}$/.test(p))) return { k: 12, label: 'gemiddelde van 12 maanden' };
	if (periods.length > 0 && periods.every((p) => /^\d{4}-K\d$/.test(p))) return { k: 4, label: 'gemiddelde van 4 kwartalen' };
	return null;
}

export function rollingMean(points: readonly { x: string; y: number | null }[], k: number): RollingPoint[] {
	const out: RollingPoint[] = [];
	for (let i = k - 1; i < points.length; i++) {
		const window = points.slice(i - k + 1, i + 1);
		if (window.some((p) => p.y === null)) continue;
		out.push({ x: points[i].x, y: window.reduce((s, p) => s + (p.y as number), 0) / k });
	}
	return out;
}
