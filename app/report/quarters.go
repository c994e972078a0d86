package report

import "handlingsplan/domain"

// QuarterTotals are the resources that fall in one quarter of the plan year: whole hours and
// whole kronor, with Hours() and Kronor() sums.
type QuarterTotals = domain.Resources

// ByQuarter sums the activities' resources per quarter of year, as the report's quarter
// chart and table print them. An activity's resources are spread over its days (start and
// end inclusive) in proportion to the days in each quarter, in whole hours and kronor, so the
// four quarters always add up to the activities' totals; the rules for missing dates and for
// days outside the year are those of domain.SumResources, which the wizard and the overview use,
// so every view of a plan shows the same quarters.
func ByQuarter(acts []domain.Activity, year int) [4]QuarterTotals {
	return domain.SumResources(acts, year).Quarters
}
