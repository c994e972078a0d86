// Package widgets holds the Fyne pieces several views share: the one set of inputs of the
// editing views (text, multi-line, date, suggestion, choice, tick and the number input that
// reads amounts, hours and counts with domain.ParseNumber), the one undo/redo controller with
// its queue of typed edits, a sortable, virtualised table with a mark per row, the column
// layout under it, a list that passes the app's keys on, setters that show a value without it
// counting as the user's, and a layout that fits a table's columns to the window (overview,
// coordinator).
package widgets
