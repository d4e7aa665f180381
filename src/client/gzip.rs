//! Gzip bodies (RFC 1952): the client asks for them, as Go's HTTP client does, and
//! decompresses them whole once read, also when a proxy compressed them unasked. Done
//! here on miniz_oxide's inflater rather than with reqwest's streaming decompression
//! layer, which costs twice the binary size; the whole body is in memory anyway, and
//! the trailer's size lets the output be allocated once.

use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

/// The most a body may inflate to (1 GiB): a body past it is refused, not buffered.
const MAX_INFLATED: usize = 1 << 30;

const ID: [u8; 2] = [0x1f, 0x8b];
const DEFLATE: u8 = 8;
const FHCRC: u8 = 0x02;
const FEXTRA: u8 = 0x04;
const FNAME: u8 = 0x08;
const FCOMMENT: u8 = 0x10;
/// CRC-32 and the size modulo 2^32, little-endian.
const TRAILER: usize = 8;

/// Decompresses a gzip member; the error says what was wrong with it.
pub fn decode(body: &[u8]) -> Result<Vec<u8>, &'static str> {
    let start = header_len(body).ok_or("not a gzip stream")?;
    if body.len() < start + TRAILER {
        return Err("the gzip stream is cut short");
    }
    let (deflated, trailer) = body[start..].split_at(body.len() - start - TRAILER);
    let crc = u32::from_le_bytes(trailer[..4].try_into().expect("4 bytes"));
    let size = u32::from_le_bytes(trailer[4..].try_into().expect("4 bytes"));
    let inflated = inflate(deflated, size as usize)?;
    if crc32(&inflated) != crc || inflated.len() as u32 != size {
        return Err("the gzip stream's checksum does not match its contents");
    }
    Ok(inflated)
}

/// The length of the member header, with its optional fields.
fn header_len(body: &[u8]) -> Option<usize> {
    if body.len() < 10 || body[..2] != ID || body[2] != DEFLATE {
        return None;
    }
    let flags = body[3];
    let mut at = 10;
    if flags & FEXTRA != 0 {
        let extra = u16::from_le_bytes([*body.get(at)?, *body.get(at + 1)?]);
        at += 2 + usize::from(extra);
    }
    for field in [FNAME, FCOMMENT] {
        if flags & field != 0 {
            at += body.get(at..)?.iter().position(|&b| b == 0)? + 1;
        }
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    (at <= body.len()).then_some(at)
}

/// Inflates raw deflate data into one buffer of the size the trailer announced (it
/// grows only when that was wrong).
fn inflate(mut input: &[u8], announced: usize) -> Result<Vec<u8>, &'static str> {
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0; announced.clamp(64, MAX_INFLATED)];
    let mut state = Box::<DecompressorOxide>::default();
    let mut written = 0;
    loop {
        let (status, consumed, produced) = decompress(&mut state, input, &mut out, written, flags);
        written += produced;
        input = input.get(consumed..).unwrap_or_default();
        match status {
            TINFLStatus::Done => break,
            TINFLStatus::HasMoreOutput if out.len() < MAX_INFLATED => {
                out.resize((out.len() * 2).min(MAX_INFLATED), 0);
            }
            TINFLStatus::HasMoreOutput => return Err("the body inflates past 1 GiB"),
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                return Err("the gzip stream is cut short");
            }
            _ => return Err("the gzip stream is corrupt"),
        }
    }
    out.truncate(written);
    Ok(out)
}

/// CRC-32 (IEEE 802.3, as gzip uses it), eight bytes at a time ("slicing by 8": a
/// byte at a time would be a fifth of `tokens ls` at 10,000 tokens).
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let low = crc ^ u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        let high = u32::from_le_bytes([chunk[4], chunk[5], chunk[6], chunk[7]]);
        crc = CRC_TABLES[7][(low & 0xFF) as usize]
            ^ CRC_TABLES[6][((low >> 8) & 0xFF) as usize]
            ^ CRC_TABLES[5][((low >> 16) & 0xFF) as usize]
            ^ CRC_TABLES[4][(low >> 24) as usize]
            ^ CRC_TABLES[3][(high & 0xFF) as usize]
            ^ CRC_TABLES[2][((high >> 8) & 0xFF) as usize]
            ^ CRC_TABLES[1][((high >> 16) & 0xFF) as usize]
            ^ CRC_TABLES[0][(high >> 24) as usize];
    }
    for &byte in chunks.remainder() {
        crc = CRC_TABLES[0][((crc ^ u32::from(byte)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// `CRC_TABLES[0]` is the byte-at-a-time table; `CRC_TABLES[k][n]` is the CRC of byte
/// `n` followed by `k` zero bytes.
const CRC_TABLES: [[u32; 256]; 8] = {
    let mut tables = [[0u32; 256]; 8];
    let mut n = 0;
    while n < 256 {
        tables[0][n] = crc_of_byte(n as u32);
        n += 1;
    }
    let mut k = 1;
    while k < 8 {
        let mut n = 0;
        while n < 256 {
            let previous = tables[k - 1][n];
            tables[k][n] = (previous >> 8) ^ tables[0][(previous & 0xFF) as usize];
            n += 1;
        }
        k += 1;
    }
    tables
};

const fn crc_of_byte(mut c: u32) -> u32 {
    let mut k = 0;
    while k < 8 {
        c = if c & 1 != 0 {
            0xEDB8_8320 ^ (c >> 1)
        } else {
            c >> 1
        };
        k += 1;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `printf 'hello, gzip\n' | gzip -n`.
    const HELLO: &[u8] = &[
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9,
        0xd7, 0x51, 0x48, 0xaf, 0xca, 0x2c, 0xe0, 0x02, 0x00, 0x86, 0x1f, 0x82, 0xa4, 0x0c, 0x00,
        0x00, 0x00,
    ];

    #[test]
    fn crc32_is_gzips() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        // Every length around the 8-byte steps, against the byte-at-a-time definition.
        let data: Vec<u8> = (0..100u32).map(|n| (n * 37 + 11) as u8).collect();
        for len in 0..data.len() {
            let bytewise = !data[..len].iter().fold(!0u32, |crc, &byte| {
                CRC_TABLES[0][((crc ^ u32::from(byte)) & 0xFF) as usize] ^ (crc >> 8)
            });
            assert_eq!(crc32(&data[..len]), bytewise, "length {len}");
        }
    }

    #[test]
    fn decodes_what_gzip_writes() {
        assert_eq!(decode(HELLO).unwrap(), b"hello, gzip\n");
        // With a file name and a comment, as `gzip` without -n writes them.
        let mut named = HELLO[..10].to_vec();
        named[3] = FNAME | FCOMMENT;
        named.extend_from_slice(b"hello.txt\0a comment\0");
        named.extend_from_slice(&HELLO[10..]);
        assert_eq!(decode(&named).unwrap(), b"hello, gzip\n");
    }

    #[test]
    fn decodes_a_large_body_whose_size_is_announced_wrongly() {
        let text: Vec<u8> = (0..200_000u32).flat_map(|n| n.to_le_bytes()).collect();
        let deflated = miniz_oxide::deflate::compress_to_vec(&text, 1);
        let mut body = HELLO[..10].to_vec();
        body.extend_from_slice(&deflated);
        body.extend_from_slice(&crc32(&text).to_le_bytes());
        body.extend_from_slice(&(text.len() as u32).to_le_bytes());
        assert_eq!(decode(&body).unwrap(), text);
        // A size that is too small: the buffer grows, and the check then fails.
        let len = body.len();
        body[len - 4..].copy_from_slice(&10u32.to_le_bytes());
        assert!(decode(&body).is_err());
    }

    #[test]
    fn anything_else_is_refused_with_a_reason() {
        assert_eq!(decode(b"{\"id\":1}"), Err("not a gzip stream"));
        assert_eq!(decode(&HELLO[..12]), Err("the gzip stream is cut short"));
        for cut in 0..HELLO.len() {
            assert!(decode(&HELLO[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = HELLO.to_vec();
        flipped[14] ^= 0x40;
        assert!(decode(&flipped).is_err());
        let mut wrong_crc = HELLO.to_vec();
        wrong_crc[24] ^= 1;
        assert_eq!(
            decode(&wrong_crc),
            Err("the gzip stream's checksum does not match its contents")
        );
    }
}
