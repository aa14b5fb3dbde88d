// Command kubectl-yaml decodes manifest streams exactly as `kubectl apply -f` does and prints, per
// input, what kubectl would send: the JSON of every document, or the error that stops it.
//
// The path it reproduces (Kubernetes v1.36, see README.md for the citations):
// k8s.io/cli-runtime pkg/resource/visitor.go StreamVisitor.Visit decodes the stream with
// k8s.io/apimachinery pkg/util/yaml NewYAMLOrJSONDecoder(reader, 4096) into runtime.RawExtension,
// trims the bytes, skips empty and `null` documents, and stops at the first error.
//
// Usage: kubectl-yaml FILE...   one JSON line per file
//
//	kubectl-yaml           stdin as one stream, one JSON line
//
// Each line: {"documents":[<json value>, ...],"error":"..."}; "error" is absent when the whole
// stream decodes. Documents are the raw JSON bytes kubectl passes on, embedded as JSON values.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/util/yaml"
)

// rawDocument keeps the JSON bytes of one document as runtime.RawExtension.UnmarshalJSON does
// (k8s.io/apimachinery pkg/runtime/extension.go): a literal `null` leaves it empty. A local type
// instead of RawExtension spares the oracle the dependencies of pkg/runtime; sigs.k8s.io/yaml
// treats both alike, since it only asks whether the target is a json.Unmarshaler.
type rawDocument struct{ raw []byte }

func (d *rawDocument) UnmarshalJSON(in []byte) error {
	if !bytes.Equal(in, []byte("null")) {
		d.raw = append(d.raw[0:0], in...)
	}
	return nil
}

type result struct {
	Documents []json.RawMessage `json:"documents"`
	Error     string            `json:"error,omitempty"`
}

func decodeStream(r io.Reader) result {
	out := result{Documents: []json.RawMessage{}}
	decoder := yaml.NewYAMLOrJSONDecoder(r, 4096)
	for {
		document := rawDocument{}
		if err := decoder.Decode(&document); err != nil {
			if err == io.EOF { //nolint:errorlint // kubectl compares with == too
				return out
			}
			out.Error = err.Error()
			return out
		}
		raw := bytes.TrimSpace(document.raw)
		if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
			continue
		}
		out.Documents = append(out.Documents, json.RawMessage(raw))
	}
}

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	encoder := json.NewEncoder(w)
	encoder.SetEscapeHTML(false)
	emit := func(r result) {
		if err := encoder.Encode(r); err != nil {
			fmt.Fprintln(os.Stderr, "kubectl-yaml:", err)
			os.Exit(2)
		}
	}
	if len(os.Args) == 1 {
		emit(decodeStream(os.Stdin))
		return
	}
	for _, name := range os.Args[1:] {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "kubectl-yaml:", errors.Unwrap(err))
			os.Exit(2)
		}
		emit(decodeStream(f))
		f.Close()
	}
}
