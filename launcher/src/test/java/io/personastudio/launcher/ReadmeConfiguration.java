package io.personastudio.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables the main README's "Configuration" section documents: the concrete names
 * in the first column of its first table, the bracketed names of its second (MicroProfile Config)
 * table, and the secrets its {@code *_FILE} row says may be given as files.
 */
record ReadmeConfiguration(Set<String> variables, Set<String> fileSecrets) {

  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern BRACKETED = Pattern.compile("\\(`([A-Z][A-Z0-9_]*)`\\)");
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  static ReadmeConfiguration read(Path readme) throws IOException {
    List<List<String[]>> tables = tablesOf(configurationSection(Files.readAllLines(readme)));
    if (tables.size() < 2) {
      throw new IllegalStateException(
          readme + ": the Configuration section should hold two tables, found " + tables.size());
    }
    Set<String> variables = new LinkedHashSet<>();
    Set<String> fileSecrets = new LinkedHashSet<>();
    for (String[] row : tables.get(0)) {
      for (String name : matches(BACKTICKED, row[0])) {
        if (NAME.matcher(name).matches()) {
          variables.add(name);
        }
      }
      if (row[0].contains("`*_FILE`")) {
        matches(BACKTICKED, String.join("|", List.of(row).subList(1, row.length))).stream()
            .filter(name -> NAME.matcher(name).matches())
            .forEach(fileSecrets::add);
      }
    }
    for (String[] row : tables.get(1)) {
      variables.addAll(matches(BRACKETED, row[0]));
    }
    return new ReadmeConfiguration(Set.copyOf(variables), Set.copyOf(fileSecrets));
  }

  private static List<String> configurationSection(List<String> lines) {
    int start = lines.indexOf("## Configuration");
    if (start < 0) {
      throw new IllegalStateException("README.md has no '## Configuration' section");
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("## ")) {
      end++;
    }
    return lines.subList(start + 1, end);
  }

  /** The body rows (header and separator left out) of each Markdown table, as cells. */
  private static List<List<String[]>> tablesOf(List<String> lines) {
    List<List<String[]>> tables = new ArrayList<>();
    List<String[]> current = null;
    for (String line : lines) {
      if (!line.startsWith("|")) {
        current = null;
        continue;
      }
      if (current == null) {
        current = new ArrayList<>();
        tables.add(current);
        continue; // the header row
      }
      if (line.matches("\\|[-|: ]+\\|?")) {
        continue;
      }
      current.add(cells(line));
    }
    return tables;
  }

  private static String[] cells(String row) {
    String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
    String[] cells = inner.split("\\|");
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i].strip();
    }
    return cells;
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
