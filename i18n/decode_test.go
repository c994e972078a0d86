package i18n

import (
	"encoding/json"
	"io/fs"
	"reflect"
	"testing"
)

// decodeMap is decodeMessages into one map.
func decodeMap(b []byte) (map[string]any, error) {
	out := map[string]any{}
	err := decodeMessages(b, func(k string, v any) error { out[k] = v; return nil })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// The decoder reads every message file as encoding/json does.
func TestDecodeMessagesLikeJSON(t *testing.T) {
	files, err := fs.Glob(messageFS, "messages/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("%d files, %v", len(files), err)
	}
	for _, f := range files {
		b, _ := fs.ReadFile(messageFS, f)
		var want map[string]any
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		got, err := decodeMap(b)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: differs from encoding/json (%v)", f, err)
		}
	}
}

func TestDecodeMessages(t *testing.T) {
	tests := []struct {
		in   string
		want map[string]any
		ok   bool
	}{
		{`{}`, map[string]any{}, true},
		{` {"a" : "b\n\"c\"\\ \u00e5 \ud834\udd1e \ud834 x\/" , "p":{"one":"1","other":"n"}} `,
			map[string]any{"a": "b\n\"c\"\\ å 𝄞 \uFFFD x/", "p": map[string]any{"one": "1", "other": "n"}}, true},
		{`{"a":"b"`, nil, false},
		{`{"a":"b"} x`, nil, false},
		{`{"a":1}`, nil, false},
		{`{"a":{"b":{"c":"d"}}}`, nil, false},
		{`{"a":"b",}`, nil, false},
		{`{"a":"\x"}`, nil, false},
		{`{"a":"` + "\x01" + `"}`, nil, false},
		{`{"a":"\u12"}`, nil, false},
		{"{\"a\":\"\xff\"}", nil, false},
		{`["a"]`, nil, false},
	}
	for _, tc := range tests {
		got, err := decodeMap([]byte(tc.in))
		if (err == nil) != tc.ok || tc.ok && !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: %#v, %v", tc.in, got, err)
		}
	}
}

// Whatever the decoder accepts, encoding/json reads to the same value.
func FuzzDecodeMessages(f *testing.F) {
	f.Add([]byte(`{"a":"b\u00e5\ud834\udd1e","p":{"one":"x","other":"y"}}`))
	f.Add([]byte(`{"k":"\ud800\u0041"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := decodeMap(b)
		if err != nil {
			return
		}
		var want map[string]any
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatalf("accepted what encoding/json refuses: %v", err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%#v, encoding/json %#v", got, want)
		}
	})
}
