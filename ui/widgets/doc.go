// Package widgets holds the Fyne pieces the plan wizard and the register editor share: a
// sortable, virtualised table with a mark per row, the column layout under it, a list that
// passes the app's keys on, and setters that show a value without it counting as the user's.
package widgets
