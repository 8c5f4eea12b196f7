#!/usr/bin/env bash
# Rewrites documentation citations in the comments of src/ and tests/ into the form docs/README.md describes:
#   SPEC 1.2, 4.7, D7, 8 #17   ->  docs/spec.md §1.2, §4.7, §D7, §8 #17
#   PRICING-RULES A27 / A27    ->  docs/pricing-rules.md A27
#   SPEC 4.2, A02              ->  docs/spec.md §4.2, docs/pricing-rules.md A02
#   D6 (bare)                  ->  docs/spec.md §D6
#   docs/decisions/0203        ->  docs/decisions/0203-code-length.md
# In .cs files only the text after // on a line is touched. The decision records and the other Markdown pages of
# docs/ get the same rewrite of SPEC and PRICING-RULES citations (bare ids there are table text, not citations).
# Citations already in the new form are left as they are, so a second run changes nothing. Prints how many
# citations it rewrote and in how many files.
# Usage: bash docs/tools/rewrite-citations.sh [repository root, default: the one holding this script]
set -euo pipefail

root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
cd "$root"
[[ -f Storewise.slnx ]] || { echo "not a Storewise repository: $root" >&2; exit 1; }

total=0
changed=0
rewrite() { # file, markdown (1 or 0)
    CITATION_MARKDOWN=$2 perl -CSD -i -e '
        use strict; use warnings; use utf8;
        my $rewrites = 0;
        my $markdown = $ENV{CITATION_MARKDOWN} eq "1";
        # One id of docs/spec.md in the old form: a section (1.2), a settled point (D7), an open question (8 #24
        # or #24 after one), or a pricing rule id that travelled with them (A02).
        my $item = qr/(?:D\d+|\d+(?:\.\d+)*(?:\s#\d+)?|#\d+|A\d\d)/;
        my $sep = qr/(?:\s*(?:,|\/|–|\band\b)\s*)/;
        my $a_list = qr/A\d\d(?:$sep A\d\d)*/x;
        my $new_id = qr/(?:§(?:D\d+|\d+(?:\.\d+)*)(?:\s#\d+)?|#\d+|A\d\d)/;

        # Splits an old id list into groups per file: spec ids get a section sign, pricing rule ids their own path.
        sub spec_list {
            my ($list) = @_;
            my @parts = split /($sep)/, $list;
            my ($out, $file) = ("", "");
            for (my $i = 0; $i < @parts; $i += 2) {
                my ($id, $glue) = ($parts[$i], $i > 0 ? $parts[$i - 1] : "");
                my $wanted = $id =~ /^A\d\d$/ ? "pricing" : "spec";
                if ($wanted ne $file) {
                    $glue = ", " if $i > 0 && $glue !~ /–/;
                    $out .= $glue . ($wanted eq "spec" ? "docs/spec.md " : "docs/pricing-rules.md ");
                    $file = $wanted;
                } else {
                    $out .= $glue;
                }
                $out .= ($wanted eq "spec" && $id !~ /^#/) ? "§$id" : $id;
            }
            return $out;
        }

        sub decision_file {
            my ($number) = @_;
            my @found = glob("docs/decisions/$number-*.md");
            return @found == 1 ? $found[0] : "docs/decisions/$number";
        }

        while (my $line = <>) {
            if ($markdown ? $line =~ /^()(.*)$/s : $line =~ /^(.*?(?:^|\s))(\/\/.*)$/s) {
                my ($code, $comment) = ($1, $2);
                my $before = $comment;
                if ($markdown) {
                    $rewrites += $comment =~ s/\bSPEC\.md\b/docs\/spec.md/g;
                    $rewrites += $comment =~ s/`PRICING-RULES\.md`/`docs\/pricing-rules.md`/g;
                } else {
                    # Wordings the generic rules below would make awkward, and one decision cited by an old number.
                    $comment =~ s/\bthe D4 reason list\b/the reason list of D4/g;
                    $comment =~ s/one application \(4\.3\)/one application (SPEC 4.3)/g;
                    $rewrites += $comment =~ s{The 200 answer of a redemption \(docs/decisions/0210\)}{The 200 answer of a redemption (docs/decisions/0206-redemption-answer.md)}g;
                    # A bare section number right before a pricing rule id (as in "(4.3, A09)") is a spec section.
                    $comment =~ s/(?<!SPEC )(?<![\w.§#\/])(\d\.\d)(?=, A\d\d\b)/SPEC $1/g;
                }
                $comment =~ s{
                    (docs/[\w./-]*\w(?:\s+$new_id(?:$sep$new_id)*)?)   # already a citation: kept
                  | \bSPEC\s+($item(?:$sep$item)*)
                  | \bPRICING-RULES\s+($a_list)
                  | (?<![\w§#\/–])($a_list)\b
                  | (?<![\w§#\/–])(D\d{1,2}(?:$sep D\d{1,2})*)\b
                }{
                    if (defined $1) {
                        my $kept = $1;
                        if ($kept =~ s{^docs/decisions/(\d{4})(?![\w-])}{decision_file($1)}e) { $rewrites++ }
                        $kept;
                    }
                    elsif (defined $2) { $rewrites++; spec_list($2) }
                    elsif (defined $3) { $rewrites++; "docs/pricing-rules.md $3" }
                    elsif ($markdown) { $& }
                    elsif (defined $4) { $rewrites++; "docs/pricing-rules.md $4" }
                    else { $rewrites++; my $d = $5; $d =~ s/(D\d+)/§$1/g; "docs/spec.md $d" }
                }gex;
                $line = $code . $comment if $comment ne $before;
            }
            print $line;
        }
        print STDERR "$rewrites\n";
    ' "$1" 2>&1 >/dev/null # perl -i writes the file itself; its STDERR carries the count.
}

while IFS= read -r -d '' file; do
    case $file in
        *.cs) count=$(rewrite "$file" 0) ;;
        *) count=$(rewrite "$file" 1) ;;
    esac
    if [[ $count != 0 ]]; then
        total=$((total + count))
        changed=$((changed + 1))
    fi
done < <({
    find src tests -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' -not -path 'tests/Storewise.Api.Tests/Docs/*' -print0
    # The pages that quote the old forms on purpose (the specification, the rules, this convention) are left alone.
    find docs -name '*.md' -not -path 'docs/reference/*' -not -name spec.md -not -name pricing-rules.md -not -name README.md -print0
} | sort -z)

echo "rewrote $total citations in $changed files"
