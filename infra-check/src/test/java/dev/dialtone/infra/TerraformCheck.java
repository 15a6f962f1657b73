package dev.dialtone.infra;

import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.ParseExceptionResult;
import org.openrewrite.SourceFile;
import org.openrewrite.hcl.HclIsoVisitor;
import org.openrewrite.hcl.HclParser;
import org.openrewrite.hcl.tree.BodyContent;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;
import org.openrewrite.hcl.tree.Label;
import org.openrewrite.tree.ParseError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks Terraform configuration on a machine without Terraform, so that CI catches what {@code terraform validate}
 * would: every {@code .tf} file must parse as HCL (OpenRewrite's parser, an ANTLR grammar of HCL2), and within each
 * module (one directory) every {@code var.}, {@code local.}, {@code data.} and resource reference must name something
 * declared. It also keeps the inputs honest: each variable has a description and a type, is used, is documented in
 * the module's README.md when there is one, and validates only itself (Terraform before 1.9 allows nothing else).
 * Module outputs ({@code module.x}) and provider schemas are not checked: that needs the providers themselves.
 */
final class TerraformCheck {

    /** Roots of references that are not declared in the configuration. */
    private static final Set<String> BUILT_IN_ROOTS =
            Set.of("var", "local", "data", "module", "count", "each", "self", "path", "terraform");

    private static final Pattern SYNTAX_ERROR_LINE = Pattern.compile("at line (\\d+):(\\d+)");

    private TerraformCheck() {
    }

    /** One thing wrong, where it is. {@code line} is 0 when the problem has no single line. */
    record Problem(Path file, int line, String message) {

        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }

    /** What was checked (so a test can tell a real check from one that found nothing to check) and what failed. */
    record Report(List<Path> files, Set<String> variables, Set<String> locals, int references, List<Problem> problems) {

        boolean passed() {
            return problems.isEmpty();
        }

        String describeProblems() {
            StringBuilder text = new StringBuilder();
            problems.forEach(problem -> text.append(System.lineSeparator()).append("  ").append(problem));
            return text.toString();
        }
    }

    /** Checks every {@code .tf} file under {@code directory} (skipping {@code .terraform}), module by module. */
    static Report check(Path directory) {
        Map<Path, List<Path>> modules = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.filter(path -> path.getFileName().toString().endsWith(".tf") && Files.isRegularFile(path))
                    .filter(path -> {
                        for (Path segment : directory.relativize(path)) {
                            if (segment.toString().equals(".terraform")) {
                                return false; // providers and modules terraform init downloaded
                            }
                        }
                        return true;
                    })
                    .sorted(Comparator.naturalOrder())
                    .forEach(path -> modules.computeIfAbsent(path.getParent(), dir -> new ArrayList<>()).add(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        List<Path> files = new ArrayList<>();
        Set<String> variables = new TreeSet<>();
        Set<String> locals = new TreeSet<>();
        int references = 0;
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> module : modules.entrySet()) {
            Module checked = new Module(module.getKey());
            module.getValue().forEach(checked::read);
            if (!checked.unparsable) {
                checked.resolve(); // after a syntax error declarations are missing: resolving would only add noise
            }
            files.addAll(module.getValue());
            variables.addAll(checked.variables.keySet());
            locals.addAll(checked.locals.keySet());
            references += checked.references.size();
            problems.addAll(checked.problems);
        }
        return new Report(List.copyOf(files), variables, locals, references, List.copyOf(problems));
    }

    private enum Kind { VARIABLE, LOCAL, DATA, RESOURCE }

    /** A reference as written: {@code var.name}, {@code local.name}, {@code data.type.name} or {@code type.name}. */
    private record Reference(Kind kind, String name, Path file, String text) {
    }

    /** A declaration and where it is, for messages. */
    private record Declaration(Path file, int line) {
    }

    /** The files of one directory: Terraform reads them as one configuration. */
    private static final class Module {

        private final Path directory;
        private final Map<String, Declaration> variables = new LinkedHashMap<>();
        private final Map<String, Declaration> locals = new LinkedHashMap<>();
        private final Set<String> resources = new LinkedHashSet<>();
        private final Set<String> dataSources = new LinkedHashSet<>();
        private final Set<String> providers = new LinkedHashSet<>();
        private final List<Reference> references = new ArrayList<>();
        private final Map<Path, String> sources = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private boolean unparsable;

        Module(Path directory) {
            this.directory = directory;
        }

        void read(Path file) {
            String source;
            try {
                source = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            sources.put(file, source);
            List<Throwable> errors = new ArrayList<>();
            ExecutionContext context = new InMemoryExecutionContext(errors::add);
            SourceFile parsed = HclParser.builder().build().parse(List.of(file), null, context)
                    .findFirst()
                    .orElse(null);
            unparsable |= !errors.isEmpty() || !(parsed instanceof Hcl.ConfigFile);
            for (Throwable error : errors) {
                problems.add(new Problem(file, syntaxErrorLine(error), "syntax error: " + firstLine(error.getMessage())));
            }
            if (parsed instanceof ParseError error) {
                if (errors.isEmpty()) {
                    String cause = error.getMarkers().findFirst(ParseExceptionResult.class)
                            .map(result -> firstLine(result.getMessage()))
                            .orElse("unknown cause");
                    problems.add(new Problem(file, 0, "cannot be parsed as HCL: " + cause));
                }
                return;
            }
            if (!(parsed instanceof Hcl.ConfigFile config)) {
                problems.add(new Problem(file, 0, "cannot be parsed as HCL"));
                return;
            }
            String trailing = config.getEof().getWhitespace().strip();
            if (!trailing.isEmpty()) {
                unparsable = true;
                problems.add(new Problem(file, 0, "unexpected text after the last block: " + trailing));
            }
            for (BodyContent content : config.getBody()) {
                if (content instanceof Hcl.Block block) {
                    declare(file, block);
                }
            }
            new HclIsoVisitor<List<Reference>>() {
                @Override
                public Hcl.AttributeAccess visitAttributeAccess(Hcl.AttributeAccess access, List<Reference> found) {
                    Reference reference = reference(file, access);
                    if (reference != null) {
                        found.add(reference);
                    }
                    return super.visitAttributeAccess(access, found);
                }
            }.visit(config, references);
        }

        private void declare(Path file, Hcl.Block block) {
            String type = block.getType() == null ? "" : block.getType().getName();
            List<String> labels = block.getLabels().stream().map(Module::labelText).toList();
            switch (type) {
                case "variable" -> declareVariable(file, block, labels);
                case "locals" -> {
                    for (BodyContent content : block.getBody()) {
                        if (content instanceof Hcl.Attribute attribute) {
                            String name = attribute.getSimpleName();
                            int line = lineOf(file, Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s*="));
                            Declaration earlier = locals.putIfAbsent(name, new Declaration(file, line));
                            if (earlier != null) {
                                problems.add(new Problem(file, line, "local." + name + " is declared twice (also "
                                        + earlier.file().getFileName() + ":" + earlier.line() + ")"));
                            }
                        }
                    }
                }
                case "resource" -> {
                    if (labels.size() == 2) {
                        resources.add(labels.get(0) + "." + labels.get(1));
                    } else {
                        problems.add(new Problem(file, 0, "resource block needs a type and a name: " + labels));
                    }
                }
                case "data" -> {
                    if (labels.size() == 2) {
                        dataSources.add("data." + labels.get(0) + "." + labels.get(1));
                    } else {
                        problems.add(new Problem(file, 0, "data block needs a type and a name: " + labels));
                    }
                }
                case "terraform" -> {
                    for (BodyContent content : block.getBody()) {
                        if (content instanceof Hcl.Block nested && nested.getType() != null
                                && nested.getType().getName().equals("required_providers")) {
                            for (BodyContent provider : nested.getBody()) {
                                if (provider instanceof Hcl.Attribute attribute) {
                                    providers.add(attribute.getSimpleName());
                                }
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }

        private void declareVariable(Path file, Hcl.Block block, List<String> labels) {
            if (labels.size() != 1) {
                problems.add(new Problem(file, 0, "variable block needs exactly one name: " + labels));
                return;
            }
            String name = labels.get(0);
            int line = lineOf(file, Pattern.compile("variable\\s+\"" + Pattern.quote(name) + "\""));
            Declaration earlier = variables.putIfAbsent(name, new Declaration(file, line));
            if (earlier != null) {
                problems.add(new Problem(file, line, "variable \"" + name + "\" is declared twice (also "
                        + earlier.file().getFileName() + ":" + earlier.line() + ")"));
            }
            for (String attribute : List.of("description", "type")) {
                if (block.getBody().stream().noneMatch(content -> content instanceof Hcl.Attribute a
                        && a.getSimpleName().equals(attribute))) {
                    problems.add(new Problem(file, line, "variable \"" + name + "\" has no " + attribute));
                }
            }
            // Before Terraform 1.9 a validation may refer to its own variable only.
            new HclIsoVisitor<Integer>() {
                @Override
                public Hcl.AttributeAccess visitAttributeAccess(Hcl.AttributeAccess access, Integer unused) {
                    Reference reference = reference(file, access);
                    if (reference != null && reference.kind() == Kind.RESOURCE
                            && !reference.name().substring(0, reference.name().indexOf('.')).contains("_")) {
                        reference = null; // an iteration variable of a for expression, e.g. k.role
                    }
                    if (reference != null && reference.kind() != Kind.VARIABLE) {
                        problems.add(new Problem(file, line, "variable \"" + name + "\" refers to " + reference.text()
                                + ": a variable block may refer to var." + name + " only"));
                    } else if (reference != null && !reference.name().equals(name)) {
                        problems.add(new Problem(file, line, "variable \"" + name + "\" refers to var."
                                + reference.name() + ": a validation may refer to var." + name + " only"));
                    }
                    return super.visitAttributeAccess(access, unused);
                }
            }.visit(block, 0);
        }

        /** The reference an attribute access starts, if it is one this check resolves. */
        private static Reference reference(Path file, Hcl.AttributeAccess access) {
            Expression target = access.getAttribute();
            String name = access.getPadding().getName().getElement().getName();
            if (target instanceof Hcl.VariableExpression variable) {
                String root = variable.getName().getName();
                return switch (root) {
                    case "var" -> new Reference(Kind.VARIABLE, name, file, "var." + name);
                    case "local" -> new Reference(Kind.LOCAL, name, file, "local." + name);
                    default -> BUILT_IN_ROOTS.contains(root) ? null
                            : new Reference(Kind.RESOURCE, root + "." + name, file, root + "." + name);
                };
            }
            if (target instanceof Hcl.AttributeAccess inner
                    && inner.getAttribute() instanceof Hcl.VariableExpression variable
                    && variable.getName().getName().equals("data")) {
                String text = "data." + inner.getPadding().getName().getElement().getName() + "." + name;
                return new Reference(Kind.DATA, text, file, text);
            }
            return null;
        }

        void resolve() {
            Set<String> resourceTypes = new TreeSet<>();
            resources.forEach(resource -> resourceTypes.add(resource.substring(0, resource.indexOf('.'))));
            Set<String> usedVariables = new TreeSet<>();
            Set<String> usedLocals = new TreeSet<>();
            for (Reference reference : references) {
                switch (reference.kind()) {
                    case VARIABLE -> {
                        usedVariables.add(reference.name());
                        if (!variables.containsKey(reference.name())) {
                            problems.add(at(reference, reference.text() + " has no variable \"" + reference.name()
                                    + "\" block in " + directory.getFileName()));
                        }
                    }
                    case LOCAL -> {
                        usedLocals.add(reference.name());
                        if (!locals.containsKey(reference.name())) {
                            problems.add(at(reference, reference.text() + " is not declared in any locals block"));
                        }
                    }
                    case DATA -> {
                        if (!dataSources.contains(reference.name())) {
                            problems.add(at(reference, reference.text() + " has no data block"));
                        }
                    }
                    case RESOURCE -> {
                        String type = reference.name().substring(0, reference.name().indexOf('.'));
                        // Only names that look like resource types: iteration variables (for x in ...) are not.
                        boolean resourceType = resourceTypes.contains(type)
                                || (type.contains("_") && providers.contains(type.substring(0, type.indexOf('_'))));
                        if (resourceType && !resources.contains(reference.name())) {
                            problems.add(at(reference, reference.text() + " has no resource block"));
                        }
                    }
                }
            }
            variables.forEach((name, declaration) -> {
                if (!usedVariables.contains(name)) {
                    problems.add(new Problem(declaration.file(), declaration.line(),
                            "variable \"" + name + "\" is declared but never used"));
                }
            });
            locals.forEach((name, declaration) -> {
                if (!usedLocals.contains(name)) {
                    problems.add(new Problem(declaration.file(), declaration.line(),
                            "local." + name + " is declared but never used"));
                }
            });
            Path readme = directory.resolve("README.md");
            if (Files.isRegularFile(readme)) {
                String documentation;
                try {
                    documentation = Files.readString(readme);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + readme, e);
                }
                variables.forEach((name, declaration) -> {
                    if (!documentation.contains("`" + name + "`")) {
                        problems.add(new Problem(declaration.file(), declaration.line(),
                                "variable \"" + name + "\" is not documented in README.md (as `" + name + "`)"));
                    }
                });
            }
        }

        private Problem at(Reference reference, String message) {
            Pattern written = Pattern.compile("(?<![\\w.])" + Pattern.quote(reference.text()) + "(?![\\w-])");
            return new Problem(reference.file(), lineOf(reference.file(), written), message);
        }

        private int lineOf(Path file, Pattern pattern) {
            String source = sources.getOrDefault(file, "");
            Matcher matcher = pattern.matcher(source);
            if (!matcher.find()) {
                return 0;
            }
            return (int) source.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
        }

        private static String labelText(Label label) {
            if (label instanceof Hcl.Literal literal) {
                return String.valueOf(literal.getValue());
            }
            if (label instanceof Hcl.Identifier identifier) {
                return identifier.getName();
            }
            return String.valueOf(label);
        }
    }

    private static int syntaxErrorLine(Throwable error) {
        Matcher matcher = SYNTAX_ERROR_LINE.matcher(String.valueOf(error.getMessage()));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }
}
