package dev.vigil.server.http;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The little DER (ASN.1) needed to turn PKCS#1 RSA and SEC1 EC private keys into PKCS#8: read the elements of a
 * SEQUENCE, write tag-length-value. Not a general ASN.1 library: definite lengths, single-byte tags only.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int SEQUENCE = 0x30;
    static final int CONTEXT_0 = 0xA0;

    /** One element: its tag and its contents. */
    record Element(int tag, byte[] value) {
    }

    private Der() {
    }

    /** The elements inside one DER SEQUENCE that spans all of {@code der}; IllegalArgumentException when it is not one. */
    static List<Element> sequence(byte[] der) {
        int[] pos = {0};
        Element outer = next(der, pos);
        if (outer.tag() != SEQUENCE || pos[0] != der.length) {
            throw new IllegalArgumentException("not a DER SEQUENCE");
        }
        List<Element> out = new ArrayList<>();
        int[] inner = {0};
        while (inner[0] < outer.value().length) {
            out.add(next(outer.value(), inner));
        }
        return out;
    }

    private static Element next(byte[] b, int[] pos) {
        if (pos[0] + 2 > b.length) {
            throw new IllegalArgumentException("DER truncated");
        }
        int tag = b[pos[0]++] & 0xFF;
        int len = b[pos[0]++] & 0xFF;
        if (len > 0x80) {
            int n = len - 0x80;
            if (n > 3 || pos[0] + n > b.length) {
                throw new IllegalArgumentException("DER length unsupported");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (b[pos[0]++] & 0xFF);
            }
        } else if (len == 0x80) {
            throw new IllegalArgumentException("DER indefinite length");
        }
        if (pos[0] + len > b.length) {
            throw new IllegalArgumentException("DER truncated");
        }
        byte[] value = Arrays.copyOfRange(b, pos[0], pos[0] + len);
        pos[0] += len;
        return new Element(tag, value);
    }

    /** Tag, length and the concatenated contents. */
    static byte[] tlv(int tag, byte[]... contents) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] c : contents) {
            value.writeBytes(c);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.size();
        if (len < 0x80) {
            out.write(len);
        } else {
            int n = len < 0x100 ? 1 : len < 0x10000 ? 2 : 3;
            out.write(0x80 + n);
            for (int i = n - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        out.writeBytes(value.toByteArray());
        return out.toByteArray();
    }

    /** An element written back: tag, length, contents. */
    static byte[] encode(Element e) {
        return tlv(e.tag(), e.value());
    }
}
