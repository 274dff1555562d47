/**
 * A reader of the `events` table straight from a SQLite file at rest: the table's B-tree walked
 * leaf by leaf in rowid (global position) order, each record decoded from its bytes, and the text an
 * event's hash covers assembled from the stored bytes of its columns. It does for the verifier's
 * worker threads what SQLite's page query does, at a fraction of the cost (no value objects, no
 * SQL functions, no JSON between SQLite and JavaScript), and is only ever used on a file nothing
 * writes to (see events-file-layout.ts: the coordinator checks the file before and after).
 *
 * Plain JavaScript in a string, evaluated inside the worker (like the worker's own code): it
 * defines `openEventsFile(fs, options)` and `EventsFileCorrupt`. It decides nothing it is not sure
 * of: a record it cannot turn into exactly the bytes SQLite's query would give (a value of another
 * type, a string JSON would escape, a category other than its stream id's, a column count other than
 * the table's) comes back as not `plain`, and the worker asks SQLite for that row (so does a plain
 * row whose bytes are not valid UTF-8: the worker checks the text it is given); a structure it does not expect (a page type,
 * an offset out of bounds, positions not increasing) throws EventsFileCorrupt, and the whole
 * verification is done again through SQLite, whose verdict stands.
 *
 * File format: https://www.sqlite.org/fileformat2.html (table B-tree pages, cells, overflow pages,
 * varints, record format).
 */
export const EVENTS_FILE_READER_SOURCE = String.raw`
class EventsFileCorrupt extends Error {}

/**
 * options: { filename, rootPage, pageSize, usableSize, head }. Returns a reader over the table's
 * leaves (leafCount of them, in key order): block(from, to) sets the leaves to read, next() moves
 * to the next row of those leaves at or below head (false at the block's end; finished once past
 * head) and exposes it: position, slot (its stream, interned: streamIdOf(slot), keyOf(slot)),
 * plain, and when plain: revision, the hashed bytes text[textStart, textEnd), hashIs and
 * copyPrevHashTo for its two hashes.
 */
function openEventsFile(fs, options) {
  const { filename, rootPage, pageSize, usableSize, head } = options;
  const COLUMNS = 12; // position, stream_id, category, revision, id, type, schema_version, data, metadata, recorded_at, prev_hash, hash
  const MAX_PAYLOAD = 1e9;
  const fd = fs.openSync(filename, 'r');
  const pageCount = Math.floor(fs.fstatSync(fd).size / pageSize);
  const maxLocal = usableSize - 35;
  const minLocal = Math.floor(((usableSize - 12) * 32) / 255) - 23;
  const corrupt = (what) => {
    throw new EventsFileCorrupt(what);
  };

  // The hashed text, in hashInputOfJson's order: a literal, then a column (-1: the revision,
  // -2: the schema version, as decimal text), and prevHash again after the closing brace.
  const PIECES = ['{"data":', ',"id":"', '","metadata":', ',"prevHash":"', '","recordedAt":"', '","revision":', ',"schemaVersion":', ',"streamId":"', '","type":"', '"}'];
  const FILLS = [7, 4, 8, 10, 9, -1, -2, 1, 5, 10];
  const LITERALS = PIECES.join('');

  // One memory for everything a row is made of, so that every copy is one copyWithin (no view
  // made per copy, as Buffer.copy makes): [pages read | literals | spill | text].
  // The spill holds a record that overflows its page; the text is the hashed bytes being built.
  const CHUNK = Math.max(1, Math.floor((1 << 20) / pageSize)) * pageSize;
  const LITERALS_AT = CHUNK;
  const SPILL_AT = LITERALS_AT + LITERALS.length;
  let spillSize = 64 * 1024;
  let textAt = SPILL_AT + spillSize;
  let mem = Buffer.alloc(0);
  let view = new DataView(new ArrayBuffer(0));
  /** Grows the memory to spill and text sizes, keeping pages, literals and spill as they are. */
  /** Room before the text's fixed point for '{"data":' and the data; where each literal was last written. */
  let dataRoom = 8 * 1024;
  const placed = new Float64Array(PIECES.length).fill(-1);
  const allocate = (spill, text) => {
    placed.fill(-1);
    const grown = Buffer.allocUnsafeSlow(SPILL_AT + spill + text);
    mem.copy(grown, 0, 0, Math.min(mem.length, SPILL_AT + spillSize));
    grown.latin1Write(LITERALS, LITERALS_AT);
    mem = grown;
    view = new DataView(mem.buffer, mem.byteOffset, mem.byteLength);
    spillSize = spill;
    textAt = SPILL_AT + spill;
  };
  allocate(spillSize, 64 * 1024);
  const pieceStarts = PIECES.map((_, i) => LITERALS_AT + PIECES.slice(0, i).join('').length);
  const pieceEnds = PIECES.map((piece, i) => pieceStarts[i] + piece.length);

  let chunkFirst = 0;
  let chunkHeld = 0;
  /** The last page worth reading ahead: the highest leaf of the block being read (none yet: the
   * interior pages, scattered in the file, are read one by one). */
  let readUpTo = 0;
  /** The offset of page pgno in mem, read from the file (with the pages after it) when not held. */
  const load = (pgno) => {
    if (!(pgno >= 2 && pgno <= pageCount)) corrupt('page ' + pgno + ' is not a page of the table');
    if (pgno < chunkFirst || pgno >= chunkFirst + chunkHeld) {
      const pages = Math.min(CHUNK / pageSize, Math.max(readUpTo, pgno) - pgno + 1);
      const read = fs.readSync(fd, mem, 0, pages * pageSize, (pgno - 1) * pageSize);
      chunkFirst = pgno;
      chunkHeld = Math.floor(read / pageSize);
      if (chunkHeld < 1) corrupt('page ' + pgno + ' could not be read');
    }
    return (pgno - chunkFirst) * pageSize;
  };

  let varintEnd = 0;
  /** A varint at mem[p] that must end before mem[end]; sets varintEnd. */
  const varint = (p, end) => {
    let value = 0;
    for (let i = 0; i < 8; i++) {
      if (p + i >= end) corrupt('a varint runs past its bounds');
      const c = mem[p + i];
      value = value * 128 + (c & 0x7f);
      if (c < 0x80) {
        varintEnd = p + i + 1;
        return value;
      }
    }
    if (p + 8 >= end) corrupt('a varint runs past its bounds');
    varintEnd = p + 9;
    return value * 256 + mem[p + 8];
  };

  /** The leaf pages of the table in key order: the tree read level by level (interior pages only). */
  const leavesOf = (root) => {
    let level = [root];
    for (let depth = 0; depth < 64; depth++) {
      const type = mem[load(level[0])];
      if (type === 13) return level;
      if (type !== 5) corrupt('page ' + level[0] + ' is not a table B-tree page');
      const next = [];
      for (const pgno of level) {
        const base = load(pgno);
        if (mem[base] !== 5) corrupt('page ' + pgno + ' is not an interior table page');
        const cells = mem.readUInt16BE(base + 3);
        if (12 + 2 * cells > usableSize) corrupt('page ' + pgno + ' has too many cells');
        for (let i = 0; i < cells; i++) {
          const at = mem.readUInt16BE(base + 12 + 2 * i);
          if (at < 12 || at + 4 > usableSize) corrupt('a cell of page ' + pgno + ' is out of bounds');
          next.push(mem.readUInt32BE(base + at));
        }
        next.push(mem.readUInt32BE(base + 8));
        if (next.length > pageCount) corrupt('the tree has more pages than the file');
      }
      level = next;
    }
    return corrupt('the tree is too deep');
  };

  const leaves = leavesOf(rootPage);
  let leafIndex = -1;
  let blockEnd = 0;
  let cellIndex = 0;
  let cellCount = 0;
  let lastRowid = 0;

  const types = new Float64Array(COLUMNS);
  // Offsets and lengths as int32: what views index with fastest (a record is at most MAX_PAYLOAD).
  const starts = new Int32Array(COLUMNS);
  const lengths = new Int32Array(COLUMNS);

  /** The offset of leaf i in mem, checked to be a table leaf; sets cellCount. */
  const loadLeaf = (i) => {
    const base = load(leaves[i]);
    if (mem[base] !== 13) corrupt('page ' + leaves[i] + ' is not a leaf table page');
    cellCount = mem.readUInt16BE(base + 3);
    if (8 + 2 * cellCount > usableSize) corrupt('a leaf has too many cells');
    return base;
  };

  const reader = {
    leafCount: leaves.length,
    /** Past head: nothing more to read. */
    finished: false,
    position: 0,
    slot: 0,
    plain: false,
    revision: 0,
    text: mem,
    textStart: 0,
    textEnd: 0,
    /** Reads leaves [from, to) next. */
    block(from, to) {
      leafIndex = from - 1;
      blockEnd = Math.min(to, leaves.length);
      cellIndex = 0;
      cellCount = 0;
      // Pages past the block's leaves are other readers' (or index pages): not read ahead.
      readUpTo = 0;
      for (let i = from; i < blockEnd; i++) if (leaves[i] > readUpTo) readUpTo = leaves[i];
    },
    next() {
      while (!reader.finished) {
        if (cellIndex >= cellCount) {
          if (++leafIndex >= blockEnd) return false;
          loadLeaf(leafIndex);
          cellIndex = 0;
          continue;
        }
        if (readCell(cellIndex++)) return true;
      }
      return false;
    },
    /** The position of leaf i's first row (undefined for an empty leaf): where a later block starts. */
    firstPosition(i) {
      const held = cellCount;
      const base = loadLeaf(i);
      const first = cellCount === 0 ? undefined : mem.readUInt16BE(base + 8);
      // The leaf being read is loaded again (load) by its next cell read.
      cellCount = held;
      if (first === undefined) return undefined;
      if (first < 8 || first >= usableSize) corrupt('a cell of page ' + leaves[i] + ' is out of bounds');
      varint(base + first, base + usableSize);
      return varint(varintEnd, base + usableSize);
    },
    close() {
      fs.closeSync(fd);
    },
  };

  /** Reads the cell; false past head. */
  function readCell(index) {
    const pgno = leaves[leafIndex];
    const base = load(pgno);
    const end = base + usableSize;
    const at = mem.readUInt16BE(base + 8 + 2 * index);
    if (at < 8 || at >= usableSize) corrupt('a cell of page ' + pgno + ' is out of bounds');
    let p = base + at;
    const size = varint(p, end);
    p = varintEnd;
    const rowid = varint(p, end);
    p = varintEnd;
    // Rowids are signed: a negative or huge one is SQLite's to order, not ours.
    if (!(rowid > lastRowid && rowid <= Number.MAX_SAFE_INTEGER)) corrupt('positions do not increase at ' + rowid);
    lastRowid = rowid;
    if (rowid > head) {
      reader.finished = true;
      return false;
    }
    if (size <= maxLocal) {
      if (p + size > end) corrupt('a cell of page ' + pgno + ' runs past the page');
      return readRecord(p, p + size, rowid);
    }
    // The record overflows: its first bytes here, the rest on a chain of overflow pages.
    if (size > MAX_PAYLOAD) corrupt('a record of ' + size + ' bytes');
    const k = minLocal + ((size - minLocal) % (usableSize - 4));
    const local = k <= maxLocal ? k : minLocal;
    if (p + local + 4 > end) corrupt('a cell of page ' + pgno + ' runs past the page');
    let overflow = mem.readUInt32BE(p + local);
    if (size > spillSize) {
      allocate(Math.max(size, 2 * spillSize), mem.length - textAt);
      reader.text = mem;
    }
    mem.copyWithin(SPILL_AT, p, p + local);
    let got = local;
    for (let hops = 0; got < size; hops++) {
      if (hops > pageCount) corrupt('an overflow chain loops');
      const o = load(overflow);
      const n = Math.min(size - got, usableSize - 4);
      mem.copyWithin(SPILL_AT + got, o + 4, o + 4 + n);
      got += n;
      overflow = mem.readUInt32BE(o);
    }
    // The leaf is read again for the next cell if an overflow page took its place.
    return readRecord(SPILL_AT, SPILL_AT + size, rowid);
  }

  // The record being decoded: its end, header cursor and end, body cursor, columns read.
  let recordEnd = 0;
  let headerAt = 0;
  let headerEnd = 0;
  let bodyAt = 0;
  let columns = 0;
  /** Reads the record's next serial type; false at the end of its header. */
  const nextColumn = () => {
    if (headerAt >= headerEnd) return false;
    let type = mem[headerAt];
    // Most serial types fit one byte.
    if (type < 0x80) headerAt++;
    else {
      type = varint(headerAt, headerEnd);
      headerAt = varintEnd;
    }
    let length;
    if (type >= 12) length = Math.floor((type - 12) / 2);
    else if (type === 10 || type === 11) return corrupt('a reserved serial type');
    else length = type === 7 || type === 6 ? 8 : type === 5 ? 6 : type <= 4 ? type : 0;
    if (columns < COLUMNS) {
      types[columns] = type;
      starts[columns] = bodyAt;
      lengths[columns] = length;
    }
    bodyAt += length;
    if (bodyAt > recordEnd) corrupt('a record runs past its payload');
    columns++;
    return true;
  };

  /** Decodes the record at mem[start, end): true, the row is there to read. */
  function readRecord(start, end, rowid) {
    const headerSize = varint(start, end);
    recordEnd = end;
    headerAt = varintEnd;
    headerEnd = start + headerSize;
    if (headerEnd > end || headerEnd < headerAt) corrupt('a record header runs past its record');
    bodyAt = headerEnd;
    columns = 0;

    // Column 1 is stream_id. A NULL or a number there (possible only in a table whose schema was
    // changed) is no stream id: such a row is a stored value fault, which never extends a chain, so
    // it may share the NULL slot.
    while (nextColumn());
    const keyNull = columns < 2 || types[1] < 12;
    reader.position = rowid;
    reader.slot = keyNull ? slotOf(0, 0, true) : slotOf(starts[1], lengths[1], false);
    reader.plain = columns === COLUMNS && decode();
    return true;
  }

  // Streams as slots 0, 1, 2... interned by the stream id's bytes (a BLOB's bytes are its text, as
  // CAST gives it; NULL is a stream of its own), in an open-addressing table: no string per row.
  // A bucket is four int32 (slot + 1, hash, key offset, key length or -1 for NULL): one probe
  // touches one cache line, and the key's bytes only when the hash and length match.
  let buckets = new Int32Array(4 << 12);
  let keyStore = Buffer.allocUnsafe(1 << 16);
  let keyView = new DataView(keyStore.buffer, keyStore.byteOffset, keyStore.byteLength);
  let keyStoreAt = 0;
  const keyOffsets = [];
  const keyLengths = [];
  const keyHashes = [];
  const names = [];
  /** Whether each slot's id needs no JSON escape (checked once). */
  const plainIds = [];
  /** Where each slot's id has its first '-' (-1: none). */
  const dashes = [];
  // The previous row's stream: events of one append are consecutive, so it is often the same.
  let lastSlot = -1;
  const slotOf = (o, n, isNull) => {
    const length = isNull ? -1 : n;
    if (lastSlot >= 0 && keyLengths[lastSlot] === length && sameKey(o, keyOffsets[lastSlot], n)) return lastSlot;
    lastSlot = findSlot(o, n, length);
    return lastSlot;
  };
  const findSlot = (o, n, length) => {
    // The length and the last 16 bytes: ids differ at their end (a UUID after a category), and the
    // table compares whole keys anyway.
    let h = Math.imul(0x811c9dc5 ^ length, 16777619);
    let i = Math.max(o, o + n - 16);
    for (; i + 4 <= o + n; i += 4) h = Math.imul(h ^ view.getInt32(i), 16777619);
    for (; i < o + n; i++) h = Math.imul(h ^ mem[i], 16777619);
    const mask = buckets.length / 4 - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const b = 4 * at;
      const held = buckets[b];
      if (held === 0) return addSlot(o, n, length, h, b);
      if (buckets[b + 1] === h && buckets[b + 3] === length && sameKey(o, buckets[b + 2], n)) return held - 1;
    }
  };
  /** mem[o, o + n) equals the stored key at k, compared from the end, where ids differ. */
  const sameKey = (o, k, n) => {
    let i = n;
    for (; i >= 4; i -= 4) if (view.getInt32(o + i - 4) !== keyView.getInt32(k + i - 4)) return false;
    for (; i > 0; i--) if (mem[o + i - 1] !== keyStore[k + i - 1]) return false;
    return true;
  };
  const addSlot = (o, n, length, h, b) => {
    const slot = keyHashes.length;
    if (keyStoreAt + n > keyStore.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * keyStore.length, keyStoreAt + n));
      keyStore.copy(grown, 0, 0, keyStoreAt);
      keyStore = grown;
      keyView = new DataView(keyStore.buffer, keyStore.byteOffset, keyStore.byteLength);
    }
    mem.copy(keyStore, keyStoreAt, o, o + n);
    keyOffsets.push(keyStoreAt);
    keyLengths.push(length);
    keyHashes.push(h);
    names.push(undefined);
    buckets[b] = slot + 1;
    buckets[b + 1] = h;
    buckets[b + 2] = keyStoreAt;
    buckets[b + 3] = length;
    keyStoreAt += n;
    if (2 * keyHashes.length > buckets.length / 4) {
      buckets = new Int32Array(2 * buckets.length);
      const mask = buckets.length / 4 - 1;
      for (let s = 0; s < keyHashes.length; s++) {
        let at = keyHashes[s] & mask;
        while (buckets[4 * at] !== 0) at = (at + 1) & mask;
        buckets[4 * at] = s + 1;
        buckets[4 * at + 1] = keyHashes[s];
        buckets[4 * at + 2] = keyOffsets[s];
        buckets[4 * at + 3] = keyLengths[s];
      }
    }
    return slot;
  };
  /** A slot's identity as a string, one per distinct stored value: its bytes as Latin-1, or 'n' for NULL. */
  reader.keyOf = (slot) => {
    if (keyLengths[slot] < 0) return 'n';
    const o = keyOffsets[slot];
    return 'b' + keyStore.latin1Slice(o, o + keyLengths[slot]);
  };
  /** The stream id of a slot as SQLite's CAST(stream_id AS TEXT) gives it (null for NULL). */
  reader.streamIdOf = (slot) => {
    if (names[slot] === undefined) {
      const o = keyOffsets[slot];
      names[slot] = keyLengths[slot] < 0 ? null : keyStore.toString('utf8', o, o + keyLengths[slot]);
    }
    return names[slot];
  };

  const isText = (type) => type >= 13 && (type & 1) === 1;
  const isInteger = (type) => (type >= 1 && type <= 6) || type === 8 || type === 9;
  /** A stored integer; NaN when it is no safe integer. */
  const integerAt = (column) => {
    const o = starts[column];
    switch (types[column]) {
      case 8:
        return 0;
      case 9:
        return 1;
      // The common small ones in int32 arithmetic (no Buffer call, no double to deoptimise on).
      case 1:
        return (mem[o] << 24) >> 24;
      case 2:
        return (((mem[o] << 24) >> 16) | mem[o + 1]) | 0;
      case 3:
        return (((mem[o] << 24) >> 8) | (mem[o + 1] << 8) | mem[o + 2]) | 0;
      case 4:
        return view.getInt32(o);
      case 5:
        return mem.readIntBE(o, 6);
      default: {
        const value = Number(mem.readBigInt64BE(o));
        return Number.isSafeInteger(value) ? value : NaN;
      }
    }
  };
  /** No byte JSON would escape or SQLite might: printable ASCII without quote or backslash. */
  const plainAscii = (o, n) => {
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const x = view.getInt32(o + i);
      if ((x & 0x80808080) !== 0) return false;
      // Any byte below 0x20, or equal to 0x22, 0x5c or 0x7f (the word tricks of "Bit Twiddling Hacks").
      if (((x - 0x20202020) & ~x & 0x80808080) !== 0) return false;
      const quote = x ^ 0x22222222;
      if (((quote - 0x01010101) & ~quote & 0x80808080) !== 0) return false;
      const backslash = x ^ 0x5c5c5c5c;
      if (((backslash - 0x01010101) & ~backslash & 0x80808080) !== 0) return false;
      const del = x ^ 0x7f7f7f7f;
      if (((del - 0x01010101) & ~del & 0x80808080) !== 0) return false;
    }
    for (; i < n; i++) {
      const c = mem[o + i];
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
    }
    return true;
  };
  /** Writes a safe integer as decimal text at mem[at]; returns the new end. */
  const decimal = (value, at) => {
    if (value < 0 || value > 99999) return at + mem.latin1Write(String(value), at);
    let digits = 1;
    for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits++;
    for (let i = digits - 1, rest = value | 0; i >= 0; i--, rest = (rest / 10) | 0) mem[at + i] = 48 + (rest % 10);
    return at + digits;
  };

  /** Builds the hashed text of a 12-column record; false when SQLite must decide the row. */
  function decode() {
    if (!isText(types[1]) || !isText(types[2]) || !isText(types[4]) || !isText(types[5])) return false;
    if (!isText(types[7]) || !isText(types[8]) || !isText(types[9])) return false;
    if (!isText(types[10]) || !isText(types[11])) return false;
    if (!isInteger(types[3]) || !isInteger(types[6])) return false;
    const slot = reader.slot;
    let plainId = plainIds[slot];
    if (plainId === undefined) {
      plainId = plainIds[slot] = plainAscii(starts[1], lengths[1]);
      dashes[slot] = mem.subarray(starts[1], starts[1] + lengths[1]).indexOf(0x2d);
    }
    if (!plainId || !plainAscii(starts[4], lengths[4])) return false;
    // The category is the stream id's part before its first '-' (so plain ASCII too).
    const dash = dashes[slot];
    if (dash < 0 || lengths[2] !== dash) return false;
    for (let i = 0; i < dash; i++) if (mem[starts[2] + i] !== mem[starts[1] + i]) return false;
    if (!plainAscii(starts[5], lengths[5]) || !plainAscii(starts[9], lengths[9])) return false;
    // prev_hash and hash are compared as bytes: one with a byte above 0x7f (which SQLite would
    // decode otherwise) differs from every hex digest either way, which is all they meet.
    const revision = integerAt(3);
    const schemaVersion = integerAt(6);
    if (Number.isNaN(revision) || Number.isNaN(schemaVersion)) return false;

    // The text is built around a fixed point: '{"data":' and the data end at textAt + dataRoom,
    // the rest starts there. After the data most members keep their length from one row to the
    // next, so most literals are already in place, left by the previous row: only moved ones are
    // copied (placed[i]: where literal i was last written; -1 after the memory was reallocated).
    const dataLength = lengths[7];
    // At most 20 characters each for the two integers.
    let rest = LITERALS.length + 40;
    for (let i = 1; i < FILLS.length; i++) if (FILLS[i] >= 0) rest += lengths[FILLS[i]];
    if (8 + dataLength > dataRoom || textAt + dataRoom + rest > mem.length) {
      dataRoom = Math.max(dataRoom, 2 * (8 + dataLength));
      allocate(spillSize, Math.max(dataRoom + rest, 2 * (mem.length - textAt)));
      reader.text = mem;
    }
    const start = textAt + dataRoom - 8 - dataLength;
    if (placed[0] !== start) {
      mem.copyWithin(start, pieceStarts[0], pieceEnds[0]);
      placed[0] = start;
    }
    mem.copyWithin(start + 8, starts[7], starts[7] + dataLength);
    let at = textAt + dataRoom;
    for (let i = 1; i < FILLS.length; i++) {
      if (placed[i] !== at) {
        mem.copyWithin(at, pieceStarts[i], pieceEnds[i]);
        placed[i] = at;
      }
      at += pieceEnds[i] - pieceStarts[i];
      const column = FILLS[i];
      if (column === -1) at = decimal(revision, at);
      else if (column === -2) at = decimal(schemaVersion, at);
      else {
        const o = starts[column];
        mem.copyWithin(at, o, o + lengths[column]);
        at += lengths[column];
      }
    }
    reader.textStart = start;
    reader.textEnd = at;
    reader.revision = revision;
    return true;
  }

  /**
   * The stored hash equals the 64 bytes of other at offset (where the caller wrote the hex digest it
   * computed): compared as words.
   */
  reader.hashIs = (other, offset) => {
    if (lengths[11] !== 64) return false;
    const o = starts[11];
    for (let i = 0; i < 64; i += 4) if (view.getInt32(o + i) !== other.getInt32(offset + i)) return false;
    return true;
  };
  /** The stored hash's bytes (a view into the reader's memory, valid until the next row). */
  reader.storedHash = () => new Uint8Array(mem.buffer, mem.byteOffset + starts[11], lengths[11]);
  /** Copies prev_hash (when it is 64 bytes: false otherwise) into prevs (a DataView) at offset. */
  reader.copyPrevHashTo = (prevs, offset) => {
    if (lengths[10] !== 64) return false;
    const o = starts[10];
    for (let i = 0; i < 64; i += 4) prevs.setInt32(offset + i, view.getInt32(o + i));
    return true;
  };

  return reader;
}
`;
