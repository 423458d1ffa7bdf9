// An export as an Arrow IPC file (`.arrow`, the Feather v2 format that pyarrow, pandas, polars and
// R's arrow read): typed columns (text, Int32 for whole numbers and counts, Float64 for rates,
// means and percentages), written in record batches so a national export is never one buffer.
// A hidden count is null in its column, with the marker ("<5", "x") in `<column>_onderdrukt`
// beside it (null where the count is shown). Headings, definitions, filters, period and the
// privacy note travel as field and schema metadata.
import { AsyncByteQueue, Field, Float64, Int32, makeData, RecordBatch, RecordBatchFileWriter, Schema, Struct, Utf8, type DataType } from 'apache-arrow';
import { cellOf, type Cell, type TypedColumn } from './cells';
import type { Toelichting } from './toelichting';

const ROWS_PER_BATCH = 50_000;

interface ArrowColumn<R> {
	field: Field;
	value: (row: R) => string | number | null;
}

const pick = (c: Cell, soort: string) => (soort === 'tekst' ? c.text : c.number);

function arrowColumns<R>(columns: TypedColumn<R>[]): ArrowColumn<R>[] {
	const out: ArrowColumn<R>[] = [];
	for (const col of columns) {
		const { soort, label, definitie } = col.info;
		const type: DataType = soort === 'tekst' ? new Utf8() : soort === 'geheel' || soort === 'aantal' ? new Int32() : new Float64();
		const meta = new Map([
			['kop', label],
			['definitie', definitie],
			['soort', soort]
		]);
		if (col.digits !== undefined) meta.set('decimalen', String(col.digits));
		out.push({ field: new Field(col.code, type, true, meta), value: (r) => pick(cellOf(col, r), soort) });
		if (soort === 'aantal') {
			const m = new Map([
				['kop', `${label}: verborgen`],
				['definitie', `"<k" of "x" waar ${col.code} verborgen is (daar null); leeg waar het aantal getoond wordt`]
			]);
			out.push({ field: new Field(`${col.code}_onderdrukt`, new Utf8(), true, m), value: (r) => cellOf(col, r).marker });
		}
	}
	return out;
}

/** Numbers straight into a typed array and a validity bitmap: a builder per value is several times slower. */
function numericData(type: Int32 | Float64, values: (string | number | null)[]) {
	const whole = type instanceof Int32;
	const data = whole ? new Int32Array(values.length) : new Float64Array(values.length);
	const valid = new Uint8Array((values.length + 7) >> 3);
	let nullCount = 0;
	values.forEach((v, i) => {
		if (typeof v === 'number') {
			data[i] = v;
			valid[i >> 3] |= 1 << (i & 7);
		} else nullCount++;
	});
	const props = { length: values.length, nullCount, nullBitmap: valid };
	return whole ? makeData({ ...props, type: new Int32(), data: data as Int32Array }) : makeData({ ...props, type: new Float64(), data: data as Float64Array });
}

const encoder = new TextEncoder();

/**
 * Text as Arrow lays it out (offsets and one byte buffer), again without a builder per value. A
 * column repeats few texts (periods, names, codes of a few thousand units), so each is encoded once.
 */
function textData(values: (string | number | null)[]) {
	const offsets = new Int32Array(values.length + 1);
	const valid = new Uint8Array((values.length + 7) >> 3);
	const parts: Uint8Array[] = [];
	const encoded = new Map<string, Uint8Array>();
	let size = 0;
	let nullCount = 0;
	values.forEach((v, i) => {
		if (v === null) nullCount++;
		else {
			const text = String(v);
			let bytes = encoded.get(text);
			if (!bytes) encoded.set(text, (bytes = encoder.encode(text)));
			parts.push(bytes);
			size += bytes.byteLength;
			valid[i >> 3] |= 1 << (i & 7);
		}
		offsets[i + 1] = size;
	});
	const data = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		data.set(p, at);
		at += p.byteLength;
	}
	return makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap: valid, valueOffsets: offsets, data });
}

function batch<R>(schema: Schema, columns: ArrowColumn<R>[], rows: readonly R[]): RecordBatch {
	const children = columns.map((c) => {
		const values = rows.map((r) => c.value(r));
		return c.field.type instanceof Int32 || c.field.type instanceof Float64 ? numericData(c.field.type, values) : textData(values);
	});
	return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children }));
}

/** Collects what the writer writes, so each pull hands on exactly one batch's bytes. */
class Chunks extends AsyncByteQueue {
	pending: Uint8Array[] = [];
	override write(value: Uint8Array) {
		if (value.byteLength > 0) this.pending.push(value);
	}
	override close() {}
}

export function schemaMetadata(t: Toelichting): Map<string, string> {
	const m = new Map<string, string>([['titel', t.titel]]);
	for (const [label, value] of t.regels) {
		const key = label.trim().toLowerCase() || 'privacy';
		m.set(key, m.has(key) ? `${m.get(key)}\n${value}` : value);
	}
	return m;
}

export function arrowStream<R>(columns: TypedColumn<R>[], rows: readonly R[], t: Toelichting): ReadableStream<Uint8Array> {
	const cols = arrowColumns(columns);
	const schema = new Schema(
		cols.map((c) => c.field),
		schemaMetadata(t)
	);
	const sink = new Chunks();
	const writer = new RecordBatchFileWriter();
	writer.reset(sink, schema);
	let next = 0;
	let finished = false;
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			// At least one batch, so that an empty export still has its schema.
			while (sink.pending.length === 0 && !finished) {
				if (next < rows.length || next === 0) {
					writer.write(batch(schema, cols, rows.slice(next, next + ROWS_PER_BATCH)));
					next += ROWS_PER_BATCH;
				} else {
					writer.finish();
					finished = true;
				}
			}
			// One chunk per batch: the writer writes each buffer and its padding separately.
			if (sink.pending.length === 0) return controller.close();
			const size = sink.pending.reduce((n, c) => n + c.byteLength, 0);
			const chunk = new Uint8Array(size);
			let at = 0;
			for (const c of sink.pending.splice(0)) {
				chunk.set(c, at);
				at += c.byteLength;
			}
			controller.enqueue(chunk);
		}
	});
}
