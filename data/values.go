package data

import (
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"handlingsplan/domain"
)

// toArg converts a Go value to the column's stored form and a text for the audit log.
func toArg(k domain.FieldKind, v any) (arg any, text string, err error) {
	switch k {
	case domain.TextField:
		s, ok := stringOf(v)
		if !ok {
			return nil, "", fmt.Errorf("want text, got %T", v)
		}
		return s, s, nil
	case domain.IntField, domain.NumberField:
		n, ok := intOf(v)
		if !ok {
			return nil, "", fmt.Errorf("want a number, got %T", v)
		}
		return n, strconv.FormatInt(n, 10), nil
	case domain.DateField:
		t, ok := v.(time.Time)
		if !ok {
			return nil, "", fmt.Errorf("want a date, got %T", v)
		}
		a := dateArg(t)
		s, _ := a.(string)
		return a, s, nil
	case domain.BoolField:
		b, ok := v.(bool)
		if !ok {
			return nil, "", fmt.Errorf("want true/false, got %T", v)
		}
		if b {
			return 1, "true", nil
		}
		return 0, "false", nil
	case domain.DatesField:
		ts, ok := v.([]time.Time)
		if !ok {
			return nil, "", fmt.Errorf("want dates, got %T", v)
		}
		s := datesArg(ts)
		return s, s, nil
	}
	return nil, "", fmt.Errorf("unknown kind %d", k)
}

func stringOf(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case domain.PlanStatus:
		return string(x), true
	case domain.ActivityStatus:
		return string(x), true
	case domain.TrainingFormat:
		return string(x), true
	case domain.CheckResult:
		return string(x), true
	case domain.SecurityPlanLevel:
		return string(x), true
	}
	return "", false
}

func intOf(v any) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case int64:
		return x, true
	case domain.Priority:
		return int64(x), true
	}
	return 0, false
}

// fromStored turns a scanned column back into the Go type SetField accepts, for undo.
func fromStored(k domain.FieldKind, raw any) any {
	switch k {
	case domain.TextField:
		switch x := raw.(type) {
		case string:
			return x
		case []byte:
			return string(x)
		}
		return ""
	case domain.IntField, domain.NumberField:
		n, _ := raw.(int64)
		return n
	case domain.DateField:
		s := asString(raw)
		return parseDate(sql.NullString{String: s, Valid: s != ""})
	case domain.BoolField:
		n, _ := raw.(int64)
		return n != 0
	case domain.DatesField:
		return parseDates(asString(raw))
	}
	return nil
}

func asString(raw any) string {
	switch x := raw.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}

func auditText(k domain.FieldKind, raw any) string {
	switch k {
	case domain.IntField, domain.NumberField:
		n, _ := raw.(int64)
		return strconv.FormatInt(n, 10)
	case domain.BoolField:
		n, _ := raw.(int64)
		return strconv.FormatBool(n != 0)
	}
	return asString(raw)
}
