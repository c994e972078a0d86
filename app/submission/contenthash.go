package submission

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// The content hash is the one notion of "the same plan content" (docs/submission-format.md
// §2, "Content hash"): the board's export uses it to decide whether a plan changed since its
// last version (data.IssuedVersion), the payload carries it, and the coordinator's import uses
// it to tell a duplicate (same content) from a conflict (same version, other content).
//
// It is computed from the payload's JSON, not from this build's Go types, so a reader hashes
// fields it does not know the same way the writer did: the top-level fields that are plan
// content (contentFields), with plan.plan.status, plan.plan.version, plan.plan.updated_at and
// plan.previous.plan.updated_at left out (signing changes them, not the content); members that
// are null or an empty array are left out (an empty list may be written either way); what
// remains is written as JSON with object keys sorted, no spaces and no HTML escaping, numbers
// as they were written, and hashed with SHA-256 (lowercase hex).

// contentFields are the top-level payload fields that are plan content. Everything else
// (schema, app_version, version, created_at, plan_uuid, content_hash and any field added
// later at the top level) is about the file, not the plan.
var contentFields = []string{"kommun", "board", "year", "goals", "hours_per_fte", "sensitive", "plan"}

// ContentHash is the content hash of a submission.json as its bytes were carried.
func ContentHash(raw []byte) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var top map[string]any
	if err := dec.Decode(&top); err != nil {
		return "", fmt.Errorf("content hash: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return "", errors.New("content hash: data after the payload object")
	}
	if top == nil {
		return "", errors.New("content hash: payload is not an object")
	}
	content := map[string]any{}
	for _, k := range contentFields {
		if v, ok := top[k]; ok {
			content[k] = v
		}
	}
	if plan, ok := content["plan"].(map[string]any); ok {
		if p, ok := plan["plan"].(map[string]any); ok {
			delete(p, "status")
			delete(p, "version")
			delete(p, "updated_at")
		}
		if prev, ok := plan["previous"].(map[string]any); ok {
			if p, ok := prev["plan"].(map[string]any); ok {
				delete(p, "updated_at")
			}
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(canonical(content)); err != nil {
		return "", fmt.Errorf("content hash: %w", err)
	}
	sum := sha256.Sum256(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
	return hex.EncodeToString(sum[:]), nil
}

// HashPayload is the content hash of p as MarshalPayload writes it.
func HashPayload(p Payload) (string, error) {
	raw, err := MarshalPayload(p)
	if err != nil {
		return "", err
	}
	return ContentHash(raw)
}

// canonical drops the members of objects that are null or an empty array, at every depth.
func canonical(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, m := range x {
			if empty(m) {
				delete(x, k)
				continue
			}
			x[k] = canonical(m)
		}
	case []any:
		for i := range x {
			x[i] = canonical(x[i])
		}
	}
	return v
}

func empty(v any) bool {
	if v == nil {
		return true
	}
	a, ok := v.([]any)
	return ok && len(a) == 0
}

// ValidUUID reports whether s is a UUID in canonical lowercase form (8-4-4-4-12 hex digits).
func ValidUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isLowerHex(c) {
				return false
			}
		}
	}
	return true
}

// validHash reports whether s looks like a content hash: 64 lowercase hex digits.
func validHash(s string) bool {
	if len(s) != sha256.Size*2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isLowerHex(s[i]) {
			return false
		}
	}
	return true
}

func isLowerHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' }
