/**
 * Typed arrays whose memory can be handed back the moment they are done with (by shrinking a
 * resizable ArrayBuffer to nothing) instead of whenever the garbage collector next runs, which
 * during a fit (little garbage on the JS heap) can be much later. The fit's id stream uses them.
 * Element access through a resizable buffer is slower (measured: the pair counting table on
 * one took 0.3 s more per 50,000 abstracts), so hot tables stay plain. Where the runtime lacks
 * resizable buffers, plain ones.
 */
interface ResizableBuffer extends ArrayBuffer {
  resize(byteLength: number): void;
}

const canResize = typeof (ArrayBuffer.prototype as Partial<ResizableBuffer>).resize === 'function';
const Resizable = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableBuffer;

function buffer(bytes: number): ArrayBuffer {
  return canResize ? new Resizable(bytes, { maxByteLength: bytes }) : new ArrayBuffer(bytes);
}

export function releasableUint8(length: number): Uint8Array {
  return new Uint8Array(buffer(length), 0, length);
}

/** Gives the array's memory back now; the array must not be used afterwards. */
export function release(array: Uint8Array): void {
  if (canResize && (array.buffer as ResizableBuffer & { resizable?: boolean }).resizable) (array.buffer as ResizableBuffer).resize(0);
}
