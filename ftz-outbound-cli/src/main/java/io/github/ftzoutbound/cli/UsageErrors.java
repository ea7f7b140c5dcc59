package io.github.ftzoutbound.cli;

import io.github.ftzoutbound.model.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * picocli's usage errors (an unknown option, a missing parameter, a bad value…) in Chinese, for {@code --lang zh}
 * (issue 16: a Chinese legal team reads a mistyped command line without English). picocli words them in English
 * only; each kind of {@link ParameterException} maps to a text {@code error.usage.*} of Messages_zh.properties
 * with the option or value it names, quoted as typed. In English the text stays picocli's own, unchanged, so
 * scripts that match it keep working.
 */
final class UsageErrors {
    /** Option names as picocli quotes them ("--a=<a>, --b=<b> are mutually exclusive"). */
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--?[A-Za-z][\\w-]*");

    private UsageErrors() {
    }

    /** What went wrong, in Chinese: the key of Messages_zh and its values. */
    record Text(String key, List<Object> args) {
        static Text of(String key, Object... args) {
            return new Text(key, List.of(args));
        }

        String in(ResourceBundle zh) {
            return Texts.fill(zh.getString("error.usage." + key), Locale.SIMPLIFIED_CHINESE, args);
        }
    }

    /** The Chinese text of {@code e}, from the Chinese help bundle {@code zh}. */
    static String chinese(ParameterException e, ResourceBundle zh) {
        return textOf(e).in(zh);
    }

    static Text textOf(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String what = String.join(" ", u.getUnmatched());
            String near = String.join("、", u.getSuggestions());
            if (u.isUnknownOption()) {
                return near.isEmpty() ? Text.of("unknownOption", what) : Text.of("unknownOptionNear", what, near);
            }
            return near.isEmpty() ? Text.of("unmatched", what) : Text.of("unmatchedNear", what, near);
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            boolean options = m.getMissing().stream().allMatch(ArgSpec::isOption);
            return Text.of(options ? "missingOption" : "missingParameter",
                    String.join("、", m.getMissing().stream().map(UsageErrors::name).toList()));
        }
        if (e instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() != null) {
            return Text.of("twice", name(o.getOverwritten()));
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            return Text.of("exclusive", String.join("、", optionsIn(e.getMessage())));
        }
        if (e instanceof CommandLine.MaxValuesExceededException) {
            return Text.of("tooMany");
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            List<String> accepted = new ArrayList<>();
            if (e.getArgSpec().completionCandidates() != null) {
                e.getArgSpec().completionCandidates().forEach(accepted::add);
            }
            String name = name(e.getArgSpec());
            boolean option = e.getArgSpec().isOption();
            if (accepted.isEmpty()) {
                return Text.of(option ? "invalidOptionValue" : "invalidParameterValue", name, e.getValue());
            }
            return Text.of(option ? "invalidOptionValueOneOf" : "invalidParameterValueOneOf", name, e.getValue(),
                    String.join("、", accepted));
        }
        if ("Missing required subcommand".equals(e.getMessage())) {
            return Text.of("missingSubcommand");
        }
        // Anything picocli adds later: said to be a command-line error, with picocli's own words quoted.
        return Text.of("other", e.getMessage());
    }

    /** How the command line spells an option (its longest name) or a parameter (its label, FILE, DIR…). */
    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec o) {
            return o.longestName();
        }
        return spec instanceof PositionalParamSpec p ? p.paramLabel() : String.valueOf(spec);
    }

    private static List<String> optionsIn(String message) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = OPTION.matcher(message == null ? "" : message);
        while (m.find()) {
            out.add(m.group());
        }
        return List.copyOf(out);
    }
}
