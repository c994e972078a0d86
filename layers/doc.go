// Package layers holds no code: its test keeps the imports between handlingsplan's packages in
// the direction DESIGN.md §4 draws (ui → app/* → data → domain; cli beside ui; no Fyne below ui).
package layers
