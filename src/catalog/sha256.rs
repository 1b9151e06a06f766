//! SHA-256 as a `const fn`, so that the embedded catalog's hash is computed by the
//! compiler rather than at every page load; the same code hashes other texts at run time.

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// The SHA-256 digest of `data` (FIPS 180-4).
pub const fn sha256(data: &[u8]) -> [u8; 32] {
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let whole = data.len() / 64 * 64;
    let mut at = 0;
    while at < whole {
        compress(&mut h, data, at);
        at += 64;
    }
    // The rest, 0x80, zeros and the length in bits: one or two more blocks.
    let mut tail = [0u8; 128];
    let rest = data.len() - whole;
    let mut i = 0;
    while i < rest {
        tail[i] = data[whole + i];
        i += 1;
    }
    tail[rest] = 0x80;
    let end = if rest < 56 { 64 } else { 128 };
    let bits = (data.len() as u64).wrapping_mul(8).to_be_bytes();
    let mut i = 0;
    while i < 8 {
        tail[end - 8 + i] = bits[i];
        i += 1;
    }
    compress(&mut h, &tail, 0);
    if end == 128 {
        compress(&mut h, &tail, 64);
    }
    let mut out = [0u8; 32];
    let mut i = 0;
    while i < 32 {
        out[i] = (h[i / 4] >> (24 - 8 * (i % 4))) as u8;
        i += 1;
    }
    out
}

/// One 64-byte block at `data[at..]`. Plain shifts rather than `rotate_right` and
/// `from_be_bytes` calls, which are slow in compile-time evaluation.
#[allow(clippy::manual_rotate)]
const fn compress(h: &mut [u32; 8], data: &[u8], at: usize) {
    let mut w = [0u32; 64];
    let mut t = 0;
    while t < 16 {
        let i = at + 4 * t;
        w[t] = (data[i] as u32) << 24
            | (data[i + 1] as u32) << 16
            | (data[i + 2] as u32) << 8
            | data[i + 3] as u32;
        t += 1;
    }
    while t < 64 {
        let (x, y) = (w[t - 15], w[t - 2]);
        let s0 = (x >> 7 | x << 25) ^ (x >> 18 | x << 14) ^ (x >> 3);
        let s1 = (y >> 17 | y << 15) ^ (y >> 19 | y << 13) ^ (y >> 10);
        w[t] = w[t - 16]
            .wrapping_add(s0)
            .wrapping_add(w[t - 7])
            .wrapping_add(s1);
        t += 1;
    }
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = *h;
    let mut t = 0;
    while t < 64 {
        let s1 = (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7);
        let ch = (e & f) ^ (!e & g);
        let t1 = hh
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(K[t])
            .wrapping_add(w[t]);
        let s0 = (a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        hh = g;
        g = f;
        f = e;
        e = d.wrapping_add(t1);
        d = c;
        c = b;
        b = a;
        a = t1.wrapping_add(s0.wrapping_add(maj));
        t += 1;
    }
    let sum = [a, b, c, d, e, f, g, hh];
    let mut i = 0;
    while i < 8 {
        h[i] = h[i].wrapping_add(sum[i]);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::sha256;
    use crate::catalog::hex;

    #[test]
    fn known_digests() {
        let a_million = vec![b'a'; 1_000_000];
        for (data, digest) in [
            (
                &b""[..],
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ),
            (
                b"abc",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ),
            (
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            ),
            (
                &a_million,
                "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
            ),
        ] {
            assert_eq!(hex(sha256(data)), digest);
        }
    }

    #[test]
    fn every_padding_length() {
        // Lengths 0..200 cross the one- and two-block padding boundaries; the expected
        // digest of all their digests was computed with Python's hashlib.
        let mut all = Vec::new();
        for len in 0..200u32 {
            let data: Vec<u8> = (0..len).map(|i| (i * 7 + 3) as u8).collect();
            all.extend(sha256(&data));
        }
        assert_eq!(
            hex(sha256(&all)),
            "615d67a99b8c846e1f0582dfe127019e93c33a66e89ced6a4f81f932c82ece87"
        );
    }
}
