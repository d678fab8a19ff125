/**
 * Typed arrays whose memory a fit can hand back the moment it is done with them (by shrinking
 * a resizable ArrayBuffer to nothing) instead of whenever the garbage collector next runs: the
 * counting tables are tens of MB, and without this they were still held while the rows of the
 * same size were being written, which set the fit's peak memory. Element access through a
 * resizable buffer is slower, so only tables that are short-lived and not the innermost loop
 * of training or ranking use these. Where the runtime lacks resizable buffers, plain ones.
 */
interface ResizableBuffer extends ArrayBuffer {
  resize(byteLength: number): void;
}

const canResize = typeof (ArrayBuffer.prototype as Partial<ResizableBuffer>).resize === 'function';
const Resizable = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableBuffer;

function buffer(bytes: number): ArrayBuffer {
  return canResize ? new Resizable(bytes, { maxByteLength: bytes }) : new ArrayBuffer(bytes);
}

export function releasableInt32(length: number): Int32Array {
  return new Int32Array(buffer(4 * length), 0, length);
}

export function releasableUint8(length: number): Uint8Array {
  return new Uint8Array(buffer(length), 0, length);
}

/** Gives the array's memory back now; the array must not be used afterwards. */
export function release(array: Int32Array | Uint8Array): void {
  if (canResize && (array.buffer as ResizableBuffer & { resizable?: boolean }).resizable) (array.buffer as ResizableBuffer).resize(0);
}
