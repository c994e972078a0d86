// Package widgets holds the Fyne pieces several views share: the app's one table (sortable from
// the mouse and the keyboard, virtualised, with a mark per row, link cells, a pinned total row
// and a filter; the wizard, the register, the coordinator and the overview use it) with the
// column layout under it, the one set of inputs of the editing views (text, multi-line, date,
// suggestion, choice, tick and the number input that reads amounts, hours and counts with
// domain.ParseNumber), the one undo/redo controller with its queue of typed edits, a list that
// passes the app's keys on, and setters that show a value without it counting as the user's.
package widgets
