package app.convene.budget.persistence;

import static app.convene.backbone.time.SqlTimes.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.backbone.revalidation.ChangeLocks;
import app.convene.budget.domain.Department;

/** Reads and writes the organisations' department trees ({@code department}). */
@ApplicationScoped
public class DepartmentRepository {
    @Inject
    EntityManager entityManager;

    /**
     * Holds the organisation's tree for this transaction: changes to one organisation's tree are made one at a time,
     * so two changes that each alone make no cycle cannot make one together.
     */
    public void lockTree(String organisation) {
        ChangeLocks.hold(entityManager, "department-tree", organisation);
    }

    /**
     * The path from {@code start} up to the top of the organisation's tree, {@code start} first; it stops where it
     * would come back to a department already on it.
     */
    public List<String> pathUp(String organisation, String start) {
        @SuppressWarnings("unchecked")
        List<String> path = entityManager.createNativeQuery("""
                with recursive up (name, parent, depth) as (
                    select name, parent, 0 from department where organisation = :organisation and name = :start
                    union all
                    select d.name, d.parent, up.depth + 1 from department d
                    join up on d.organisation = :organisation and d.name = up.parent
                    where up.depth < 1000
                )
                select name from up order by depth""")
                .setParameter("organisation", organisation).setParameter("start", start).getResultList();
        return path;
    }

    /** Adds the department at the top of the tree unless the organisation has it already. */
    public void addIfAbsent(String organisation, String name, Instant now, String actor) {
        entityManager.createNativeQuery("""
                insert into department (organisation, name, parent, set_at, set_by)
                values (:organisation, :name, null, :now, :actor)
                on conflict (organisation, name) do nothing""")
                .setParameter("organisation", organisation).setParameter("name", name)
                .setParameter("now", now).setParameter("actor", actor).executeUpdate();
    }

    /** Places the department under {@code parent} (null: at the top); true when it was new. */
    public boolean place(String organisation, String name, String parent, Instant now, String actor) {
        Object inserted = entityManager.createNativeQuery("""
                insert into department (organisation, name, parent, set_at, set_by)
                values (:organisation, :name, :parent, :now, :actor)
                on conflict (organisation, name) do update
                    set parent = excluded.parent, set_at = excluded.set_at, set_by = excluded.set_by
                returning (xmax = 0)""")
                .setParameter("organisation", organisation).setParameter("name", name)
                .setParameter("parent", parent).setParameter("now", now).setParameter("actor", actor)
                .getSingleResult();
        return Boolean.TRUE.equals(inserted);
    }

    /** The organisation's departments with their parents, by name. */
    public List<Department> ofOrganisation(String organisation) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select name, parent, set_at, set_by from department where organisation = :organisation
                order by name""").setParameter("organisation", organisation).getResultList();
        List<Department> departments = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            departments.add(new Department((String) r[0], (String) r[1], instant(r[2]), (String) r[3]));
        }
        return departments;
    }
}
