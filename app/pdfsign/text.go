package pdfsign

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// signText prepares a signer name, reason, location or contact for the pdfsign library; Sign
// passes every text of the signature dictionary through it.
//
// pdfsign writes an ASCII string as an escaped literal, which is fine. A string with any other
// character it writes as "(" + UTF-16BE with byte order mark + ")" without escaping, so every
// byte of the UTF-16 that is a parenthesis, a backslash or an end-of-line byte corrupts the
// string or the whole file: "(" or ")" in the text (00 28, 00 29), "č" (01 0D), "Ċ" (01 0A),
// "Ŝ" (01 5C), line and paragraph separators (20 28, 20 29), and so on.
//
// Rather than dropping such characters we hand pdfsign a string whose UTF-16 bytes are exactly
// the escaped form we want: every code unit containing a dangerous byte is replaced by the
// eight ASCII bytes \ooo\ooo (its two bytes as octal escapes), grouped as four code units.
// Four units keep the byte count even, and a three-digit octal escape cannot swallow the byte
// after it. The units are ordinary BMP characters (U+3030–U+3737, U+5C30–U+5C33), so pdfsign's
// UTF-16 encoder writes them unchanged; a PDF reader decodes the escapes back to the original.
// Surrogate halves are always escaped, because a lone one cannot live in a Go string.
func signText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if isASCII(s) {
		return s // pdfsign escapes ASCII strings itself
	}
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		hi, lo := byte(u>>8), byte(u)
		if !unsafeInLiteral(hi) && !unsafeInLiteral(lo) && !utf16.IsSurrogate(rune(u)) {
			b.WriteRune(rune(u))
			continue
		}
		e := octalEscape(hi) + octalEscape(lo) // 8 ASCII bytes
		for i := 0; i < len(e); i += 2 {
			b.WriteRune(rune(e[i])<<8 | rune(e[i+1]))
		}
	}
	return b.String()
}

// unsafeInLiteral reports whether byte c cannot stand unescaped in a PDF literal string.
// Balanced parentheses would be allowed, but inside UTF-16 they rarely are.
func unsafeInLiteral(c byte) bool {
	return c == '(' || c == ')' || c == '\\' || c == '\r' || c == '\n'
}

func octalEscape(c byte) string {
	return string([]byte{'\\', '0' + c>>6, '0' + (c>>3)&7, '0' + c&7})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
