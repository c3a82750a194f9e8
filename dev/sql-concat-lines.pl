#!/usr/bin/perl
# Counts lines of Java source that belong to a string concatenation (literals joined with +, across lines)
# whose literal text holds SQL words (SELECT, FROM, WHERE, SET, VALUES...). Text blocks do not count.
# usage: perl dev/sql-concat-lines.pl $(find . -path "*/src/main/java/*.java")   (per-file counts and the total)
use strict; my $total = 0;
for my $f (@ARGV) {
  open my $h, '<', $f or die; my @l = <$h>; close $h; my $n = 0;
  my $i = 0;
  while ($i < @l) {
    # a run: lines linked by a trailing "+" or a leading "+"
    my $j = $i;
    while ($j + 1 < @l && ($l[$j] =~ /\+\s*$/ || $l[$j+1] =~ /^\s*\+/)) { $j++; }
    my $run = join '', @l[$i..$j];
    my @lits = $run =~ /"((?:[^"\\]|\\.)*)"/g;
    my $text = join ' ', @lits;
    my $concat = ($j > $i) || $run =~ /"\s*\+|\+\s*"/;
    if ($concat && $run !~ /"""/ && $text =~ /\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|SET|VALUES|RETURNING|ON CONFLICT|AND|ORDER BY|GROUP BY|LIMIT)\b/) {
      for my $k ($i..$j) { $n++ if $l[$k] =~ /"/; }
    }
    $i = $j + 1;
  }
  printf "%5d %s\n", $n, $f if $n; $total += $n;
}
print "total $total\n";
