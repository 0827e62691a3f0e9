"""Claims read from prose: counts, money, percentages and dates, with hedges kept."""
