package io.dragoman.core.clean;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The set of source profiles a cleaner consults: one generic profile that applies to every page and any number of
 * site profiles, of which at most one applies to a page.
 */
public final class BoilerplateProfiles {
    private static final String RESOURCE_DIR = "/io/dragoman/core/clean/profiles/";

    private final BoilerplateProfile generic;
    private final List<BoilerplateProfile> sites;

    /** Creates a set from a generic profile and site profiles. */
    public BoilerplateProfiles(BoilerplateProfile generic, List<BoilerplateProfile> sites) {
        this.generic = Objects.requireNonNull(generic, "generic profile");
        this.sites = List.copyOf(sites);
    }

    /** Loads the profiles that ship with Dragoman (listed in {@code profiles/index.txt}). */
    public static BoilerplateProfiles builtIn() {
        ObjectMapper mapper = new ObjectMapper();
        BoilerplateProfile generic = read(mapper, "generic.json");
        List<BoilerplateProfile> sites = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#") && !name.equals("generic.json")) {
                sites.add(read(mapper, name));
            }
        }
        return new BoilerplateProfiles(generic, sites);
    }

    /** The profile whose phrases apply to every page. */
    public BoilerplateProfile generic() {
        return generic;
    }

    /** The site profiles. */
    public List<BoilerplateProfile> sites() {
        return sites;
    }

    /**
     * Finds the site profile for a page: by the host of its location, by a dateline agency, or by a signature line
     * the page contains.
     */
    Optional<BoilerplateProfile> match(String location, String datelineAgency, List<String> lines) {
        String loc = location.toLowerCase(Locale.ROOT);
        for (BoilerplateProfile p : sites) {
            if (p.hosts().stream().anyMatch(h -> loc.contains("//" + h) || loc.contains("." + h))) {
                return Optional.of(p);
            }
        }
        if (datelineAgency != null) {
            for (BoilerplateProfile p : sites) {
                if (p.isAgency(datelineAgency)) {
                    return Optional.of(p);
                }
            }
        }
        for (BoilerplateProfile p : sites) {
            var signatures = p.normalizedSet(p.signatures());
            if (lines.stream().map(BoilerplateProfile::normalize).anyMatch(signatures::contains)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static BoilerplateProfile read(ObjectMapper mapper, String name) {
        try {
            return mapper.readValue(resource(name), BoilerplateProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in profile " + name, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = BoilerplateProfiles.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile resource missing: " + RESOURCE_DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_DIR + name, e);
        }
    }
}
