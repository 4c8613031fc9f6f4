package app.convene.backbone.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/** Reads the sample service's database as it stands, outside any transaction of the service. */
public final class Database {
    private Database() {
    }

    /** The first column of the first row, as a long (a count). */
    public static long count(DataSource dataSource, String sql, Object... parameters) {
        List<Object> row = rows(dataSource, sql, parameters).stream().findFirst().orElseThrow();
        return ((Number) row.get(0)).longValue();
    }

    public static List<List<Object>> rows(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof List<?> list) {
                    String type = !list.isEmpty() && list.get(0) instanceof UUID ? "uuid" : "text";
                    statement.setArray(i + 1, connection.createArrayOf(type, list.toArray()));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
