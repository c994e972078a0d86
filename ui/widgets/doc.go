// Package widgets holds the Fyne pieces several views share: a sortable, virtualised table with
// a mark per row, the column layout under it, a list that passes the app's keys on, setters that
// show a value without it counting as the user's (wizard, register), and a layout that fits a
// table's columns to the window (overview, coordinator).
package widgets
